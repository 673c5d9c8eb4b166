import { WorkspaceCache } from 'langium';
import { triggerGraph, type AlliumServices, type Module, type TriggerGraph } from '@allium/language';

/** The trigger graph of every spec of the workspace, read once per state of the workspace. */
export class WorkspaceTriggerGraph {
    private readonly graphs: WorkspaceCache<'workspace', TriggerGraph>;

    constructor(private readonly services: AlliumServices) {
        this.graphs = new WorkspaceCache(services.shared);
    }

    graph(): TriggerGraph {
        return this.graphs.get('workspace', () => triggerGraph(this.services,
            this.services.shared.workspace.LangiumDocuments.all.map(d => d.parseResult.value as Module)));
    }
}
