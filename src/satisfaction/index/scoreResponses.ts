import { CrmError } from '../errors';
import { scaleRange } from '../scales';
import type { SurveyResponse } from '../response';
import type { Survey } from '../survey';

/**
 * @internal Per-response scores on 0..100: the index and each dimension, NaN where a response
 * answered nothing that counts. Positions follow the input responses.
 */
export interface ScoredResponses {
  readonly dimensions: readonly { readonly id: string; readonly label?: string; readonly weight: number }[];
  /** Per-response index, length = responses. */
  readonly index: Float64Array;
  /** Row-major responses × dimensions. */
  readonly dimensionScores: Float64Array;
}

/**
 * @internal Rescales every answer to 0..100 (`(v − min) / (max − min) × 100`, flipped for reversed
 * questions, yes = 100), takes the weighted mean per dimension, then the weighted mean over the
 * dimensions the response answered. Checks survey id, unknown questions and scales on the way.
 */
export function scoreResponses(responses: readonly SurveyResponse[], survey: Survey): ScoredResponses {
  const dimensions = survey.dimensions ?? [...new Set(survey.questions.filter((q) => q.scale !== 'text').map((q) => q.dimension))].map((id) => ({ id, weight: 1 }));
  const dimIndex = new Map(dimensions.map((d, i) => [d.id, i]));
  const D = dimensions.length;
  const dimWeight = Float64Array.from(dimensions, (d) => d.weight);
  const scored = survey.questions.filter((q) => q.scale !== 'text');
  const texts = survey.questions.filter((q) => q.scale === 'text').map((q) => q.id);
  const Q = scored.length;
  const qId = scored.map((q) => q.id);
  const qMin = new Float64Array(Q);
  const qSpan = new Float64Array(Q);
  const qWeight = new Float64Array(Q);
  const qDim = new Int32Array(Q);
  const qReversed = new Uint8Array(Q);
  const qBool = new Uint8Array(Q);
  scored.forEach((q, j) => {
    const r = scaleRange(q.scale) ?? { min: 0, max: 1 };
    qMin[j] = r.min;
    qSpan[j] = r.max - r.min;
    qWeight[j] = q.weight;
    qDim[j] = dimIndex.get(q.dimension) ?? 0;
    qReversed[j] = q.reversed ? 1 : 0;
    qBool[j] = q.scale === 'yes_no' ? 1 : 0;
  });
  const N = responses.length;
  const index = new Float64Array(N);
  const dimensionScores = new Float64Array(N * D);
  const sum = new Float64Array(D);
  const wsum = new Float64Array(D);
  const surveyId = survey.id;
  const T = texts.length;
  for (let i = 0; i < N; i++) {
    const r = responses[i] as SurveyResponse;
    if (r.surveyId !== surveyId) {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: `responses.${i}.surveyId`, rule: `must be ${survey.id}` } });
    }
    const answers = r.answers as Record<string, unknown>;
    for (let d = 0; d < D; d++) {
      sum[d] = 0;
      wsum[d] = 0;
    }
    let matched = 0;
    for (let j = 0; j < Q; j++) {
      const v = answers[qId[j] as string];
      if (v === undefined) continue;
      matched++;
      let x: number;
      if (qBool[j] === 1) {
        if (typeof v !== 'boolean') throw outOfScale(i, qId[j] as string, 'yes/no');
        x = v ? 100 : 0;
      } else {
        const min = qMin[j] as number;
        const span = qSpan[j] as number;
        if (typeof v !== 'number' || !(v >= min && v <= min + span) || v !== Math.floor(v)) throw outOfScale(i, qId[j] as string, `${min}-${min + span}`);
        x = ((v - min) / span) * 100;
      }
      if (qReversed[j] === 1) x = 100 - x;
      const d = qDim[j] as number;
      const w = qWeight[j] as number;
      sum[d] = (sum[d] as number) + w * x;
      wsum[d] = (wsum[d] as number) + w;
    }
    for (let t = 0; t < T; t++) {
      const v = answers[texts[t] as string];
      if (v === undefined) continue;
      if (typeof v !== 'string') throw outOfScale(i, texts[t] as string, 'text');
      matched++;
    }
    let keys = 0;
    for (const _k in answers) keys++;
    if (keys !== matched) findUnknown(i, answers, qId, texts, survey);
    let total = 0;
    let totalWeight = 0;
    const row = i * D;
    for (let d = 0; d < D; d++) {
      const w = wsum[d] as number;
      if (w > 0) {
        const s = (sum[d] as number) / w;
        dimensionScores[row + d] = s;
        const dw = dimWeight[d] as number;
        total += dw * s;
        totalWeight += dw;
      } else dimensionScores[row + d] = NaN;
    }
    index[i] = totalWeight > 0 ? total / totalWeight : NaN;
  }
  return { dimensions, index, dimensionScores };
}

function outOfScale(i: number, question: string, scale: string): CrmError {
  return new CrmError('ANSWER_OUT_OF_SCALE', { params: { question, scale }, details: { response: i } });
}

/** The slow path: the response has more keys than known answers; name the unknown question. */
function findUnknown(i: number, answers: Record<string, unknown>, scoredIds: readonly string[], texts: readonly string[], survey: Survey): void {
  const known = new Set([...scoredIds, ...texts]);
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) throw new CrmError('UNKNOWN_QUESTION', { params: { question: id }, details: { response: i, survey: survey.id } });
  }
}
