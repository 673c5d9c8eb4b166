import { fileURLToPath } from 'node:url';
import { startupSnapshot } from 'node:v8';
import { runProcess } from './cli.js';
import { prepareCoreServices } from './core-services.js';
import { takeSnapshotRequest } from './snapshot-request.js';

// The bundle runs the CLI, or, under `node --build-snapshot`, becomes its start-up snapshot ("Start-up snapshot" in
// docs/performance.md): the services are prepared now, and the CLI runs when a process starts from the blob, where
// process.argv[1] is the first argument since there is no script. Nothing of the process that builds the blob is read
// here: arguments, environment, working folder and streams are those of the process that runs.
if (startupSnapshot.isBuildingSnapshot()) {
    prepareCoreServices();
    startupSnapshot.setDeserializeMainFunction(() => void runProcess(process.argv.slice(1)));
} else {
    const blob = takeSnapshotRequest();
    if (blob) {
        // Loaded here only: Node does not vouch for child_process in a snapshot's heap. The build starts when this run
        // ends, so that it does not slow the run down.
        void import('./snapshot-build.js').then(({ buildSnapshotInBackground }) => {
            process.once('exit', () => buildSnapshotInBackground(fileURLToPath(import.meta.url), blob));
        });
    }
    void runProcess(process.argv.slice(2));
}
