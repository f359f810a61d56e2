/** Identifiers in Yuki's style: lower-case GUIDs. */
import { randomUUID } from 'node:crypto';

export function newGuid(): string {
	return randomUUID();
}
