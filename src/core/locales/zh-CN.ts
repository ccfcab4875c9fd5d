import type { ErrorCode } from '../errors/codes';
import type { ErrorParams } from '../errors/params';

const v = (p: ErrorParams, key: string, fallback = '?'): string => String(p[key] ?? fallback);

/** 简体中文 messages for every {@link ErrorCode}. */
export const zhCN: Record<ErrorCode, (p: ErrorParams) => string> = {
  VALIDATION_FAILED: (p) =>
    `${v(p, 'entity', '输入')}未通过校验${p.count !== undefined ? `：${v(p, 'count')} 个问题：${v(p, 'rules', '')}` : p.summary ? `：${p.summary}` : ''}`,
  INVALID_ARGUMENT: (p) => `${v(p, 'field', '参数')}：${v(p, 'rule', '取值无效')}`,
  NOT_FOUND: (p) => `未找到 ${v(p, 'entity', '记录')} ${v(p, 'id', '')}`.trimEnd(),
  CONCURRENCY_CONFLICT: (p) =>
    `${v(p, 'entity', '记录')} ${v(p, 'id', '')} 已被他人修改（期望版本 ${v(p, 'expected')}，实际版本 ${v(p, 'actual')}）`,
  DUPLICATE_ID: (p) => `${v(p, 'entity', '记录')} ${v(p, 'id', '')} 已存在`,
  INVALID_TRANSITION: (p) => `阶段 ${v(p, 'from')} 不允许事件 ${v(p, 'event')}`,
  INVALID_MONEY: (p) => `${v(p, 'field', '金额')}：${v(p, 'rule', '不是有效的十进制金额')}`,
  INVALID_CURRENCY: (p) => `${v(p, 'field', '币种')}：不是 ISO 4217 币种代码`,
  CURRENCY_MISMATCH: (p) => `无法合并计算 ${v(p, 'left')} 与 ${v(p, 'right')}：币种不同`,
  INVALID_DATE: (p) => `${v(p, 'field', '日期')}：不是有效日期`,
  ABORTED: (p) => `${v(p, 'operation', '操作')}已被中止`,
  INVALID_RULE: (p) => `分群规则 ${v(p, 'path', '根节点')}：${v(p, 'rule', '无效')}`,
  UNKNOWN_FIELD: (p) => `分群规则 ${v(p, 'path', '根节点')}：未知字段 ${v(p, 'field')}`,
  UNKNOWN_OPERATOR: (p) => `分群规则 ${v(p, 'path', '根节点')}：未知运算符 ${v(p, 'op')}`,
  RULE_TOO_DEEP: (p) => `分群规则嵌套超过 ${v(p, 'max')} 层`,
  UNKNOWN_STAGE: (p) => `未知的生命周期阶段 ${v(p, 'stage')}`,
  UNKNOWN_EVENT: (p) => `未知的生命周期事件 ${v(p, 'event')}`,
  INVALID_LIFECYCLE: (p) => `生命周期定义无效：${v(p, 'rule')}`,
  INVALID_PIPELINE: (p) => `销售管道定义无效：${v(p, 'rule')}`,
  MODEL_NOT_CONVERGED: (p) => `${v(p, 'model', '模型')}拟合在 ${v(p, 'iterations')} 次迭代后仍未收敛`,
  INSUFFICIENT_DATA: (p) => `${v(p, 'model', '模型')}数据不足：${v(p, 'rule', '需要更多数据')}`,
  INVALID_MODEL: (p) => `${v(p, 'model', '模型')}不是有效的已拟合模型：${v(p, 'rule', '无效')}`,
  INVALID_SURVEY: (p) => `问卷定义无效：${v(p, 'rule')}`,
  UNKNOWN_QUESTION: (p) => `答卷包含未知题目 ${v(p, 'question')}`,
  ANSWER_OUT_OF_SCALE: (p) => `题目 ${v(p, 'question')} 的答案超出量表范围 ${v(p, 'scale')}`,
  DUPLICATE_RESPONSE: (p) => `该客户对问卷 ${v(p, 'survey')} 的答卷已存在`,
  INVALID_PROGRAM: (p) => `会员计划无效：${v(p, 'rule')}`,
  INSUFFICIENT_POINTS: (p) => `积分不足：申请 ${v(p, 'requested')}，可用 ${v(p, 'available')}`,
  IDEMPOTENCY_CONFLICT: (p) => `幂等键 ${v(p, 'key')} 已用于另一条记录`,
  BALANCE_MISMATCH: (p) => `积分余额为 ${v(p, 'actual')}，期望为 ${v(p, 'expected')}`,
  INVALID_MERGE: (p) => `无法合并：${v(p, 'rule')}`,
  LIKELY_DUPLICATE: (p) => `${v(p, 'entity', '记录')}疑似与 ${v(p, 'count')} 条现有记录重复`,
  // privacy
  FORBIDDEN: (p) => `${v(p, 'role', '该角色')}无权${v(p, 'action', '访问')}${v(p, 'entity', '此记录')}`,
  FORBIDDEN_FIELD: (p) => `${v(p, 'role', '该角色')}无权${v(p, 'action', '写入')}字段 ${v(p, 'field')}`,
  DECRYPTION_FAILED: (p) => `${v(p, 'field', '值')}：无法解密（${v(p, 'rule', '密钥错误或密文被篡改')}）`,
};
