/** The editor features, one file each. Each gets the shared context and returns the capabilities it adds. */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import { codeActionsFeature } from './codeActions';
import { completionFeature } from './completion';
import type { ServerContext } from './context';
import { formattingFeature } from './formatting';
import { hoverFeature } from './hover';
import { knowledgeFeature } from './knowledge';

export interface Feature {
  capabilities: ServerCapabilities;
}

export const features: ((ctx: ServerContext) => Feature)[] = [knowledgeFeature, completionFeature, hoverFeature, codeActionsFeature, formattingFeature];
