import { defaultLifecycle } from './defaultLifecycle';
import { type LifecyclePlaybook, defineTrustedLifecyclePlaybook } from './playbooks';

/**
 * The default playbook for {@link defaultLifecycle}: welcome and onboarding for new buyers, upsell
 * for repeat buyers, VIP care for loyal ones, a retention offer at risk, win-back after churn.
 * Copy and edit it as data; pass the result through {@link defineLifecyclePlaybook}.
 *
 * @example
 * ```ts
 * playbookActions(defaultLifecyclePlaybook, 'first_purchase').map((a) => a.id);
 * //=> ['welcome', 'onboarding']
 * ```
 */
export const defaultLifecyclePlaybook: LifecyclePlaybook = /* @__PURE__ */ defineTrustedLifecyclePlaybook(defaultLifecycle, {
  lead: [{ id: 'nurture', label: 'Send product introduction', channels: ['email', 'wechat'], withinDays: 2 }],
  first_purchase: [
    { id: 'welcome', label: 'Welcome message', channels: ['wechat', 'sms', 'email'], withinDays: 1 },
    { id: 'onboarding', label: 'Onboarding call or guide', channels: ['phone', 'email'], withinDays: 7 },
  ],
  repeat: [{ id: 'upsell', label: 'Recommend complementary products', channels: ['wechat', 'email'], withinDays: 14 }],
  loyal: [{ id: 'vip_care', label: 'VIP care: dedicated contact and member benefits', channels: ['phone', 'wechat'], withinDays: 30 }],
  at_risk: [{ id: 'retention_offer', label: 'Retention offer', channels: ['sms', 'wechat', 'email'], withinDays: 3 }],
  churned: [{ id: 'win_back', label: 'Win-back campaign', channels: ['sms', 'email'], withinDays: 7 }],
  won_back: [{ id: 'welcome_back', label: 'Welcome back and feedback request', channels: ['wechat', 'email'], withinDays: 3 }],
});
