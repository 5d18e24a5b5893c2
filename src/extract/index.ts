export { type ExtractOptions, extractArticle, withExtraParts } from './extract-article.js';
