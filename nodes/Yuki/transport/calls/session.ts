/**
 * Signing in. These exist on every service [doc: each WSDL declares them]; the client makes them
 * on the service of the call that needs the session (a session from one service works on the
 * others [lib]).
 */
import { textOf } from '../results';
import { declareCall } from './declaration';

/** `Authenticate(accessKey)` → session GUID (empty when Yuki returns none; the client reports that). */
export const authenticate = declareCall({
	service: 'Accounting',
	operation: 'Authenticate',
	session: 'none',
	effect: 'read',
	parameters: ({ accessKey }: { accessKey: string }) => ({ accessKey }),
	read: (result) => textOf(result),
});

/** `AuthenticateClient(clientID, clientSecret, accessKey)` → a session the Purchase service accepts [doc]. */
export const authenticateClient = declareCall({
	service: 'Purchase',
	operation: 'AuthenticateClient',
	session: 'none',
	effect: 'read',
	parameters: ({ clientId, clientSecret, accessKey }: { clientId: string; clientSecret: string; accessKey: string }) => ({
		clientID: clientId,
		clientSecret,
		accessKey,
	}),
	read: (result) => textOf(result),
});

/** `SetCurrentDomain(sessionID, domainID)`: portal keys reach several domains [doc]. Takes the new session explicitly. */
export const setCurrentDomain = declareCall({
	service: 'Accounting',
	operation: 'SetCurrentDomain',
	session: 'none',
	effect: 'read',
	parameters: ({ sessionId, domainId }: { sessionId: string; domainId: string }) => ({ sessionID: sessionId, domainID: domainId }),
	read: () => undefined,
});
