/** The REST shims as the reference's clients call them. */
export interface PeekBody {
  visitor: string;
  screen: {
    active: { slug: string; parameters: Record<string, unknown> };
    active_jwt: string;
    prefetch: { slug: string; parameters: Record<string, unknown> }[];
  };
}

export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

async function answer<T>(response: Response): Promise<Answer<T>> {
  const text = await response.text();
  return { status: response.status, body: (text.length > 0 ? JSON.parse(text) : null) as T, headers: response.headers };
}

export class ScreenClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly query: string = 'platform=ios&version=96',
  ) {}

  async peek(visitor?: string): Promise<Answer<PeekBody>> {
    const headers: Record<string, string> = { authorization: `bearer ${this.token}` };
    if (visitor !== undefined) headers.visitor = visitor;
    return answer(await fetch(`${this.baseUrl}/api/1/users/me/screens/peek?${this.query}`, { method: 'POST', headers }));
  }

  async pop(screenJwt: string, trigger?: { slug: string; parameters: unknown } | null): Promise<Answer<PeekBody>> {
    return answer(
      await fetch(`${this.baseUrl}/api/1/users/me/screens/pop?${this.query}`, {
        method: 'POST',
        headers: { authorization: `bearer ${this.token}`, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(trigger === undefined ? { screen_jwt: screenJwt } : { screen_jwt: screenJwt, trigger }),
      }),
    );
  }

  async trace(screenJwt: string, body: string | Buffer, contentType: string | null = 'application/json; charset=utf-8'): Promise<Answer<null>> {
    const headers: Record<string, string> = { authorization: `bearer ${screenJwt}` };
    if (contentType !== null) headers['content-type'] = contentType;
    return answer(await fetch(`${this.baseUrl}/api/1/users/me/screens/trace?${this.query}`, { method: 'POST', headers, body }));
  }
}
