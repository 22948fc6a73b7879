/**
 * What happened to the child, from the summary's first sentence (or the second when the first says
 * nothing): a death ("Death of", "died", "murder of", "drowned") or serious harm ("injuries", "abuse",
 * "neglect", "exploitation"). Witnessing a killing counts as serious harm, not a death; "arrested on
 * suspicion of murder" names no victim. Only the opening is read because later sentences are about
 * relatives ("her mother died when she was 13").
 */
import type { Outcome } from '../../graph/records.ts';
import { firstSentences } from './sentences.ts';

const WITNESSED = /\bwitness(?:ed|ing)\s+(?:the\s+)?(?:murder|death|killing|stabbing)\b/i;
const DEATH =
  /\b(?:died|dies|death|deaths|dead|murder\s+of|murdered|killed|drowned|fatal(?:ly)?|manslaughter|suicide|took\s+(?:his|her|their)\s+own\s+li(?:fe|ves))\b/i;
const NEAR_FATAL = /\bnear[-\s]fatal\b/i;
const HARM =
  /\b(?:injur(?:y|ies|ed)|serious(?:ly)?\s+harm(?:ed)?|harmful|abuse[ds]?|sexually\s+abused|neglect(?:ed)?|exploit(?:ation|ed)|assault(?:ed)?|malnourish\w*|trauma|maltreat\w*|shaken|shaking|fractures?|bruis\w*)\b/i;

export function outcomeIn(summary: string): Outcome {
  for (const sentence of firstSentences(summary, 2)) {
    if (WITNESSED.test(sentence) || NEAR_FATAL.test(sentence)) return 'serious-harm';
    if (DEATH.test(sentence)) return 'death';
    if (HARM.test(sentence)) return 'serious-harm';
  }
  return 'other';
}
