/**
 * The shape of one Yuki call. A call is declared once, in transport/calls/<service>.ts, and made
 * with `client.call(declaration, args)`; the client does the rest (session, envelope, HTTP,
 * faults, counting, redaction, logging). Parameter names are checked against the operation table
 * compiled from the WSDL (wsdl.generated.ts): a name or case the WSDL does not have does not compile.
 */
import type { OperationOf, WsdlArguments } from '../envelope';
import type { YukiService } from '../types';
import type { ResultStream } from '../results';
import type { XmlElement } from '../xml/scanner';

/**
 * `key`: a session from `Authenticate` (access key). `client`: from `AuthenticateClient` (client ID
 * and secret too; the Purchase service). `none`: the call needs no session (the sign-in calls).
 */
export type SessionKind = 'key' | 'client' | 'none';

/**
 * `read`: changes nothing in Yuki; after any session fault the client signs in again and repeats it once.
 * `write`: books or uploads; repeated only after a fault that proves Yuki did not process it
 * (the exact session faults Yuki raises before processing, faults.ts), never after a lost answer.
 */
export type CallEffect = 'read' | 'write';

export interface YukiCall<Args, Result> {
	service: YukiService;
	operation: string;
	session: SessionKind;
	effect: CallEffect;
	/** The WSDL parameters except the session, by their WSDL names; `undefined` leaves one out. */
	parameters(args: Args): Record<string, unknown>;
	/**
	 * Reads `<Operation>Result` (undefined when Yuki sent none). Throw `MalformedAnswerError` for
	 * an answer that is not what Yuki sends: it becomes a `malformed` error ("may have been processed").
	 */
	read(result: XmlElement | undefined): Result;
	/**
	 * Optional: reads the result as the answer streams past, in the envelope's own pass (a large
	 * answer is then read once); gives what `read` would give for the same result.
	 */
	stream?(): ResultStream<Result>;
}

/** How the client reads a call's result. */
export type ResultReader<Result> = Pick<YukiCall<unknown, Result>, 'read' | 'stream'>;

export interface CallDeclaration<S extends YukiService, O extends OperationOf<S>, Args, Result> {
	service: S;
	operation: O;
	session: SessionKind;
	effect: CallEffect;
	/** By WSDL name and case; the client fills in the session parameter itself (unless `session` is `none`). */
	parameters(args: Args): WsdlArguments<S, O>;
	read(result: XmlElement | undefined): Result;
	stream?(): ResultStream<Result>;
}

/** Declares a call; the types tie `parameters` to the WSDL's names for this service and operation. */
export function declareCall<S extends YukiService, O extends OperationOf<S>, Args, Result>(
	declaration: CallDeclaration<S, O, Args, Result>,
): YukiCall<Args, Result> {
	return declaration as unknown as YukiCall<Args, Result>;
}
