/**
 * The `budget-check` task type (`contributes.taskDefinitions`): `{ "type": "budget-check", "paths": ["."], "args": [] }`
 * in tasks.json runs the command-line checker of the workspace (`npx budget-check`, from the project's own
 * `npm install --save-dev budget-tables`), its output read by the `$budget-check` problem matcher. One task is
 * offered for each workspace folder: check the whole folder.
 */
import { ShellExecution, Task, TaskScope, tasks, workspace, type Disposable, type TaskDefinition, type WorkspaceFolder } from 'vscode';

export const TASK_TYPE = 'budget-check';

interface BudgetCheckDefinition extends TaskDefinition {
  paths?: string[];
  args?: string[];
}

function taskFor(definition: BudgetCheckDefinition, scope: WorkspaceFolder | TaskScope, name: string): Task {
  const args = [...(definition.args ?? []), ...(definition.paths?.length ? definition.paths : ['.'])];
  const task = new Task(definition, scope, name, TASK_TYPE, new ShellExecution('npx', ['--no', 'budget-check', ...args]), '$budget-check');
  return task;
}

export function registerTasks(): Disposable {
  return tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () => (workspace.workspaceFolders ?? []).map((f) => taskFor({ type: TASK_TYPE }, f, f.name)),
    resolveTask: (task) => {
      const d = task.definition as BudgetCheckDefinition;
      if (d.type !== TASK_TYPE) return undefined;
      return taskFor(d, task.scope ?? TaskScope.Workspace, task.name);
    },
  });
}
