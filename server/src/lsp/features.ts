/** The editor features, one file each. Each gets the shared context and returns the capabilities it adds. */
import type { ServerCapabilities } from 'vscode-languageserver';
import { codeActionsFeature } from './codeActions';
import { completionFeature } from './completion';
import type { ServerContext } from './context';
import { definitionFeature } from './definition';
import { foldingFeature } from './folding';
import { formattingFeature } from './formatting';
import { highlightFeature } from './highlight';
import { hoverFeature } from './hover';
import { inlayHintsFeature } from './inlayHints';
import { interchangeFeature } from './interchange';
import { knowledgeFeature } from './knowledge';
import { previewFeature } from './preview';
import { projectConfigFeature } from './projectConfig';
import { referencesFeature } from './references';
import { semanticTokensFeature } from './semanticTokens';
import { summaryFeature } from './summary';
import { symbolsFeature } from './symbols';

export interface Feature {
  capabilities: ServerCapabilities;
}

export const features: ((ctx: ServerContext) => Feature)[] = [
  projectConfigFeature, knowledgeFeature, completionFeature, hoverFeature, codeActionsFeature, interchangeFeature,
  symbolsFeature, foldingFeature, semanticTokensFeature, definitionFeature, referencesFeature, highlightFeature,
  previewFeature, summaryFeature, inlayHintsFeature, formattingFeature,
];
