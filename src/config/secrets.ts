import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { readJsonFile, writePrivateJson } from '../infra/processes';
import { ConfigError } from './errors';

export interface Secrets {
  idToken: string;
  clientScreenJwt: string;
  /** Media JWTs (screens-and-media.md §2.6): one secret per audience. */
  imageFileJwt: string;
  contentFileJwt: string;
  transcriptJwt: string;
  fileUploadJwt: string;
  progressJwt: string;
}

/** The environment variable behind each secret (the reference's names, so tokens interoperate). */
export const SECRET_VARIABLES: Readonly<Record<keyof Secrets, string>> = {
  idToken: 'OSEH_ID_TOKEN_SECRET',
  clientScreenJwt: 'OSEH_CLIENT_SCREEN_JWT_SECRET',
  imageFileJwt: 'OSEH_IMAGE_FILE_JWT_SECRET',
  contentFileJwt: 'OSEH_CONTENT_FILE_JWT_SECRET',
  transcriptJwt: 'OSEH_TRANSCRIPT_JWT_SECRET',
  fileUploadJwt: 'OSEH_FILE_UPLOAD_JWT_SECRET',
  progressJwt: 'OSEH_PROGRESS_JWT_SECRET',
};

export const SECRETS_FILE = 'secrets.json';

/** rest-wire-contract.md §2.5: each secret is at least 32 random bytes of text. */
export const MIN_PRODUCTION_SECRET_LENGTH = 32;

const KEYS = Object.keys(SECRET_VARIABLES) as (keyof Secrets)[];

/**
 * Secrets from the environment. In production a missing or short one stops the start. Elsewhere
 * a missing one is generated once and kept in `DATA_DIR/secrets.json` (mode 0600), so tokens issued
 * before a restart stay valid. Values are used as UTF-8 text keys, never base64-decoded.
 */
export function resolveSecrets(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  nodeEnv: 'development' | 'production' | 'test',
  log: (line: string) => void,
): Secrets {
  const given = (key: keyof Secrets) => env[SECRET_VARIABLES[key]]?.trim() || undefined;
  const missing = KEYS.filter((key) => given(key) === undefined);

  if (nodeEnv === 'production') {
    if (missing.length > 0) {
      const names = missing.map((key) => SECRET_VARIABLES[key]);
      throw new ConfigError(`${names.join(' and ')} must be set when NODE_ENV=production`);
    }
    const short = KEYS.find((key) => given(key)!.length < MIN_PRODUCTION_SECRET_LENGTH);
    if (short !== undefined) {
      throw new ConfigError(
        `${SECRET_VARIABLES[short]} must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters of random text`,
      );
    }
  }
  if (missing.length === 0) return Object.fromEntries(KEYS.map((key) => [key, given(key)!])) as unknown as Secrets;

  const file = path.join(dataDir, SECRETS_FILE);
  const stored = readStoredSecrets(file);
  const generated = missing.filter((key) => !stored[SECRET_VARIABLES[key]]);
  if (generated.length > 0) {
    for (const key of generated) stored[SECRET_VARIABLES[key]] = randomBytes(32).toString('base64url');
    mkdirSync(dataDir, { recursive: true });
    writePrivateJson(file, stored);
    const names = generated.map((key) => SECRET_VARIABLES[key]).join(' and ');
    log(`generated ${names} for ${nodeEnv} and stored them in ${file} (set the variables to use your own)`);
  }
  const value = (key: keyof Secrets) => given(key) ?? stored[SECRET_VARIABLES[key]]!;
  return Object.fromEntries(KEYS.map((key) => [key, value(key)])) as unknown as Secrets;
}

/** The file's variable → secret map; unreadable content is an error rather than silently replaced. */
function readStoredSecrets(file: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = readJsonFile(file);
  } catch {
    parsed = undefined;
  }
  if (parsed === null) return {};
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((v) => typeof v === 'string');
  if (!valid) {
    throw new ConfigError(
      `${file} is not a JSON object of secrets: fix it, or delete it to generate new ones (tokens issued with the old ones stop working)`,
    );
  }
  return parsed as Record<string, string>;
}
