import type { ModelPrice } from '@allium/generate';

/** A whole number of at least `min` from a flag's value, or the message saying why not. */
export function integerFlag(flag: string, text: string, min: number): number | string {
    return /^\d+$/.test(text) && Number(text) >= min ? Number(text) : `${flag} needs a whole number of at least ${min}, not '${text}'.`;
}

/** A number above zero from a flag's value (fractions allowed), or the message saying why not. */
export function positiveFlag(flag: string, text: string): number | string {
    return /^\d+(\.\d+)?$/.test(text) && Number(text) > 0 ? Number(text) : `${flag} needs a number above 0, not '${text}'.`;
}

/** `--price input,output[,cacheWrite,cacheRead]` in USD per million tokens; cache rates default to 1.25x and 0.1x input. */
export function priceFlag(text: string): ModelPrice | string {
    const parts = text.split(',').map(p => p.trim());
    if ((parts.length !== 2 && parts.length !== 4) || !parts.every(p => /^\d+(\.\d+)?$/.test(p))) {
        return `--price needs input,output or input,output,cacheWrite,cacheRead in USD per million tokens, not '${text}'.`;
    }
    const [input, output, cacheWrite = input * 1.25, cacheRead = input * 0.1] = parts.map(Number);
    return { input, output, cacheWrite, cacheRead };
}
