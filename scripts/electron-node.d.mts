export function electronRequirement(packageFile?: string): { electron: string; needed: string | null } | null;
export function electronNodeProblem(versions: { node: string; electron: string; needed: string | null }): string | null;
