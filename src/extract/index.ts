export { type ExtractOptions, extractArticle, withReaderComments } from './extract-article.js';
