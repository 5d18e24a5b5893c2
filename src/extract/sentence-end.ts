/**
 * What ends a sentence, one definition for every extraction step that asks (the block
 * features, the container model, the article check): a full stop, question or exclamation mark
 * or ellipsis of the Latin, CJK, Arabic, Indic, Burmese, Ethiopic, Armenian and Khmer scripts,
 * followed only by closing quotes or brackets.
 */

/** Sentence-final marks. */
const TERMINATORS = '.!?…。！？؟।။።։។';
/** Question marks among them. */
const QUESTION_MARKS = '?？؟';
/**
 * Closing quotes and brackets a sentence may end inside: English ” ’, German “ ‘ and « ‹ (for
 * »…«), French » ›, Chinese and Japanese 」』）.
 */
export const CLOSERS = `"'”’“‘»«›‹)\\]」』）`;

/** Ends like a sentence (trailing spaces allowed). */
export const SENTENCE_END = new RegExp(`[${TERMINATORS}][${CLOSERS}\\s]*$`, 'u');
/** Ends with an ellipsis. */
export const ELLIPSIS_END = new RegExp(`(?:\\.\\.\\.|…)\\s*[${CLOSERS}]*$`, 'u');
/** Ends with a question mark. */
export const QUESTION_END = new RegExp(`[${QUESTION_MARKS}]\\s*[${CLOSERS}]*$`, 'u');
