import { randomToken } from './server';

/**
 * A provider's authorization server state: registered clients, access tokens with
 * a configurable lifetime that can be forced to expire, refresh tokens that rotate
 * (a used one then fails with invalid_grant) and single-use authorization codes.
 */

export interface Client {
	id: string;
	secret: string;
	redirectUris?: string[];
}

export interface IssuedToken {
	access_token: string;
	token_type: string;
	expires_in: number;
	refresh_token?: string;
	scope?: string;
	[key: string]: unknown;
}

interface AccessRecord {
	clientId: string;
	expiresAt: number;
}

interface CodeRecord {
	clientId: string;
	redirectUri?: string;
	expiresAt: number;
	used: boolean;
	codeChallenge?: string;
}

export class TokenAuthority {
	readonly clients = new Map<string, Client>();
	private access = new Map<string, AccessRecord>();
	private refresh = new Map<string, { clientId: string; valid: boolean }>();
	private codes = new Map<string, CodeRecord>();
	/** Seconds an access token lives. */
	lifetimeSeconds: number;
	/** Refreshes refused because the refresh token was spent or unknown (lost races, among others). */
	refusedRefreshes = 0;
	/** Set by `loseNextRefresh`: who wins the next refresh race. */
	private raceWinner?: (won: IssuedToken) => void;

	constructor(
		private readonly prefix: string,
		private readonly tokenType: string,
		private readonly defaultLifetime: number,
	) {
		this.lifetimeSeconds = defaultLifetime;
	}

	reset(): void {
		this.raceWinner = undefined;
		this.refusedRefreshes = 0;
		this.access.clear();
		this.refresh.clear();
		this.codes.clear();
		this.lifetimeSeconds = this.defaultLifetime;
	}

	addClient(client: Client): void {
		this.clients.set(client.id, client);
	}

	checkClient(id: unknown, secret: unknown): Client | undefined {
		const client = typeof id === 'string' ? this.clients.get(id) : undefined;
		return client && client.secret === secret ? client : undefined;
	}

	issue(clientId: string, withRefresh: boolean, extra: Record<string, unknown> = {}): IssuedToken {
		const token: IssuedToken = {
			access_token: randomToken(`${this.prefix}_at`),
			token_type: this.tokenType,
			expires_in: this.lifetimeSeconds,
			...extra,
		};
		this.access.set(token.access_token, {
			clientId,
			expiresAt: Date.now() + this.lifetimeSeconds * 1000,
		});
		if (withRefresh) {
			token.refresh_token = randomToken(`${this.prefix}_rt`);
			this.refresh.set(token.refresh_token, { clientId, valid: true });
		}
		return token;
	}

	/** The client of a valid bearer token, from an `Authorization` header. */
	bearer(header: unknown): string | undefined {
		const match = /^Bearer\s+(\S+)$/i.exec(String(header ?? ''));
		if (!match) return undefined;
		const record = this.access.get(match[1]);
		if (!record || record.expiresAt <= Date.now()) return undefined;
		return record.clientId;
	}

	/** Makes every access token issued so far expire now. */
	expireAccessTokens(): void {
		for (const record of this.access.values()) record.expiresAt = 0;
	}

	/**
	 * Plays a lost refresh race, as between two n8n workers: the next refresh is
	 * made first by "another worker", whose new token pair goes to `winner` (which
	 * saves it where that worker would, a moment later); the refresh actually
	 * received then comes second, with a refresh token already spent.
	 */
	loseNextRefresh(winner: (won: IssuedToken) => void): void {
		this.raceWinner = winner;
	}

	/** Uses a refresh token once: it is then invalid, and a new pair is issued. */
	rotate(
		refreshToken: unknown,
		clientId: string,
		extra: Record<string, unknown> = {},
	): IssuedToken | undefined {
		const winner = this.raceWinner;
		if (winner) {
			this.raceWinner = undefined;
			const won = this.rotate(refreshToken, clientId, extra);
			if (won) winner(won);
		}
		const record = typeof refreshToken === 'string' ? this.refresh.get(refreshToken) : undefined;
		if (!record || !record.valid || record.clientId !== clientId) {
			this.refusedRefreshes++;
			return undefined;
		}
		record.valid = false;
		return this.issue(clientId, true, extra);
	}

	issueCode(
		clientId: string,
		redirectUri?: string,
		codeChallenge?: string,
		lifetimeSeconds = 60,
	): string {
		const code = randomToken(`${this.prefix}_code`);
		this.codes.set(code, {
			clientId,
			redirectUri,
			expiresAt: Date.now() + lifetimeSeconds * 1000,
			used: false,
			codeChallenge,
		});
		return code;
	}

	/** Redeems a code once; a second use, an expired code or another client fail. */
	redeemCode(code: unknown, clientId: string, redirectUri?: unknown): CodeRecord | undefined {
		const record = typeof code === 'string' ? this.codes.get(code) : undefined;
		if (!record || record.used || record.expiresAt <= Date.now() || record.clientId !== clientId)
			return undefined;
		if (
			record.redirectUri !== undefined &&
			redirectUri !== undefined &&
			record.redirectUri !== redirectUri
		)
			return undefined;
		record.used = true;
		return record;
	}

	/**
	 * Revokes refresh tokens, as a user who disconnects the app at the provider:
	 * the given ones, or every one issued so far. Their refreshes then fail with invalid_grant.
	 */
	revokeRefreshTokens(tokens: string[] = [...this.refresh.keys()]): void {
		for (const token of tokens) {
			const record = this.refresh.get(token);
			if (record) record.valid = false;
		}
	}

	/** How many refresh tokens are still usable (for rotation checks). */
	validRefreshTokens(): string[] {
		return [...this.refresh.entries()].filter(([, r]) => r.valid).map(([t]) => t);
	}
}
