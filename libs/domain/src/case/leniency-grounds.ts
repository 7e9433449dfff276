import { LENIENCY_GROUND_ARTICLE, type LeniencyGround } from '@dandang/contracts';
import { invalidInput } from '../errors';

/** Refuses `grounds` unless they are given, distinct, and all of an article that `articles` allows (问责条例 arts. 17–19). */
export function groundsProblem(grounds: readonly LeniencyGround[] | undefined, articles: readonly number[], what: string, field = 'grounds'): void {
  if (!grounds?.length) throw invalidInput([{ field, message: `are required for ${what} (问责条例 art. ${articles.join('/')})` }]);
  if (new Set(grounds).size !== grounds.length) throw invalidInput([{ field, message: 'must not repeat a ground' }]);
  const misplaced = grounds.filter((g) => !articles.includes(LENIENCY_GROUND_ARTICLE[g]));
  if (misplaced.length) {
    throw invalidInput([{ field, message: `${misplaced.join(', ')} are not grounds of art. ${articles.join('/')} for ${what}` }]);
  }
}
