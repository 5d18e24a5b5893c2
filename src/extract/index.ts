export { type ExtractOptions, extractArticle } from './extract-article.js';
