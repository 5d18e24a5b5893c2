export { type ArticleParts, type ExtractOptions, extractArticle, withExtraParts } from './extract-article.js';
