import { definePipeline, type Pipeline } from './definePipeline';

/**
 * The default B2B sales pipeline: 线索 lead (10%), 需求确认 qualified (20%), 方案报价 proposal (50%),
 * 商务谈判 negotiation (80%), 赢单 won, 输单 lost. Frozen; `JSON.stringify` gives its definition.
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE } from 'crmkit/pipeline';
 * DEFAULT_B2B_PIPELINE.definition.stages.map((s) => s.name['zh-CN']);
 * //=> ['线索', '需求确认', '方案报价', '商务谈判', '赢单', '输单']
 * ```
 */
export const DEFAULT_B2B_PIPELINE: Pipeline = /* @__PURE__ */ definePipeline({
  id: 'b2b',
  stages: [
    { id: 'lead', kind: 'open', probability: 0.1, name: { en: 'Lead', 'zh-CN': '线索' } },
    { id: 'qualified', kind: 'open', probability: 0.2, name: { en: 'Qualified', 'zh-CN': '需求确认' } },
    { id: 'proposal', kind: 'open', probability: 0.5, name: { en: 'Proposal', 'zh-CN': '方案报价' } },
    { id: 'negotiation', kind: 'open', probability: 0.8, name: { en: 'Negotiation', 'zh-CN': '商务谈判' } },
    { id: 'won', kind: 'won', probability: 1, name: { en: 'Won', 'zh-CN': '赢单' } },
    { id: 'lost', kind: 'lost', probability: 0, name: { en: 'Lost', 'zh-CN': '输单' } },
  ],
});

/**
 * The default government-procurement (B2G, 政府采购) pipeline: 立项 project approval (10%),
 * 招标 tender announced (30%), 投标 bid submitted (50%), 评标 bid evaluation (70%), then 中标
 * awarded (won) or 废标 tender failed (lost). Frozen; `JSON.stringify` gives its definition.
 *
 * @example
 * ```ts
 * import { DEFAULT_B2G_PIPELINE } from 'crmkit/pipeline';
 * DEFAULT_B2G_PIPELINE.definition.stages.map((s) => s.id);
 * //=> ['project_approval', 'tender', 'bid', 'evaluation', 'awarded', 'failed']
 * ```
 */
export const DEFAULT_B2G_PIPELINE: Pipeline = /* @__PURE__ */ definePipeline({
  id: 'b2g',
  stages: [
    { id: 'project_approval', kind: 'open', probability: 0.1, name: { en: 'Project approval', 'zh-CN': '立项' } },
    { id: 'tender', kind: 'open', probability: 0.3, name: { en: 'Tender announced', 'zh-CN': '招标' } },
    { id: 'bid', kind: 'open', probability: 0.5, name: { en: 'Bid submitted', 'zh-CN': '投标' } },
    { id: 'evaluation', kind: 'open', probability: 0.7, name: { en: 'Bid evaluation', 'zh-CN': '评标' } },
    { id: 'awarded', kind: 'won', probability: 1, name: { en: 'Awarded', 'zh-CN': '中标' } },
    { id: 'failed', kind: 'lost', probability: 0, name: { en: 'Tender failed', 'zh-CN': '废标' } },
  ],
});
