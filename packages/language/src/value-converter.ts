import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** Datatype rules yield their tokens joined without spaces; `not in` keeps its space so operators read as written. */
export class AlliumValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name === 'NotIn' ? 'not in' : super.runConverter(rule, input, cstNode);
    }
}
