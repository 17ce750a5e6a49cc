/** Journal: immutable events written in the same transaction as the change they record. */
export { JournalService, MAX_JOURNAL_PAGE } from './journal.service.js';
export type { JournalEntry, JournalEvent, JournalStats } from './journal-event.js';
