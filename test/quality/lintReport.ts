// Reads the problems out of eslint's default ("stylish") report, the only output `n8n-node lint` and
// @n8n/scan-community-package give, so that a failing gate names each problem as file:line rule.
import { relative } from 'node:path';

export interface LintProblem {
	/** Relative to the linted folder. */
	file: string;
	line: number;
	severity: 'error' | 'warning';
	rule: string;
	message: string;
}

// eslint's colours, when a tool forces them (n8n-node lint runs eslint with FORCE_COLOR=1).
const ANSI = /\x1b\[[0-9;]*m/g;
const PROBLEM = /^\s+(\d+):\d+\s+(error|warning)\s+(.*?)(?:\s{2,}(\S+))?\s*$/;

export function stylishProblems(report: string, lintedFolder: string): LintProblem[] {
	const problems: LintProblem[] = [];
	let file = '';
	for (const line of report.replace(ANSI, '').split('\n')) {
		if (line.startsWith('/')) {
			file = relative(lintedFolder, line.trim());
			continue;
		}
		const match = file ? PROBLEM.exec(line) : null;
		if (!match) continue;
		const [, lineNumber, severity, message, rule] = match;
		problems.push({ file, line: Number(lineNumber), severity: severity as LintProblem['severity'], rule: rule ?? '(no rule: parse error)', message });
	}
	return problems;
}

/** One line per problem: `nodes/Yuki/transport/http.ts:7 @n8n/community-nodes/no-restricted-imports  Import of ...`. */
export function listProblems(problems: readonly LintProblem[]): string {
	return problems.map((problem) => `  ${problem.file}:${problem.line} ${problem.rule}  ${problem.message}`).join('\n');
}

export const errorsIn = (problems: readonly LintProblem[]) => problems.filter((problem) => problem.severity === 'error');
export const warningsIn = (problems: readonly LintProblem[]) => problems.filter((problem) => problem.severity === 'warning');
