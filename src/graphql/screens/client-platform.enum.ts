import { registerEnumType } from 'type-graphql';
import type { ClientPlatform as DomainPlatform } from '../../domain/model';

export enum ClientPlatform {
  IOS = 'ios',
  ANDROID = 'android',
  BROWSER = 'browser',
}

registerEnumType(ClientPlatform, { name: 'ClientPlatform', description: 'The platform a client runs on.' });

export function toDomainPlatform(platform: ClientPlatform): DomainPlatform {
  return platform;
}
