/**
 * Messages of the VS Code extension itself (the client): its name (the Output channel, the server's notifications), the
 * commands it runs on its own (restart, catalog import), Restricted Mode in the status bar. Chinese first,
 * English when the editor's display language is English. Manifest strings (command titles, settings, walkthrough) are
 * in package.nls.json / package.nls.en.json.
 */
import type { Locale } from './messages';

const zh = {
  /** The language client's name: the Output channel, the server's notifications. */
  clientName: '预决算公开表',
  restarted: '预决算公开表：语言服务器已重新启动',
  catalogAdded: (entry: string) => `已将科目目录加入 budgetTables.catalogFiles：${entry}`,
  catalogFilter: '科目目录（CSV / XLSX）',
  /** The status-bar tooltip's line in Restricted Mode. */
  restricted: '受限模式：不读取工作区中的科目目录文件（budgetTables.catalogFiles 中位于工作区的文件）；信任此工作区后即读取。其余功能照常。',
  restrictedStatus: '受限模式',
};

export type ClientMessages = typeof zh;

const en: ClientMessages = {
  clientName: 'Budget Tables',
  restarted: 'Budget Tables: the language server was restarted',
  catalogAdded: (entry) => `Catalog added to budgetTables.catalogFiles: ${entry}`,
  catalogFilter: 'Subject-code catalog (CSV / XLSX)',
  restricted: 'Restricted Mode: catalog files inside the workspace (budgetTables.catalogFiles) are not read until you trust the workspace. Everything else works.',
  restrictedStatus: 'Restricted Mode',
};

export function clientMessages(locale: Locale = 'zh'): ClientMessages {
  return locale === 'en' ? en : zh;
}
