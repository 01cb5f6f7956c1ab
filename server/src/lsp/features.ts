/** The editor features, one file each. Each gets the shared context and returns the capabilities it adds. */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from './context';

export interface Feature {
  capabilities: ServerCapabilities;
}

export const features: ((ctx: ServerContext) => Feature)[] = [];
