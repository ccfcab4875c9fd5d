/**
 * An independent generator of realistic customer records with known duplicates.
 *
 * Written without reading crmkit's matcher or its own synthetic generator: every assumption here
 * comes from what real CRM exports look like. `independentCustomers(count, seed)` makes about
 * `count` real-world entities (75% people, 25% organisations; 65% Chinese, 35% Western) and one or
 * more records per entity. `clusters` lists the record ids of every entity with MORE THAN ONE
 * record; singletons are omitted. Ids are `ind-000001`...; they are assigned after shuffling, so
 * neither order nor id reveals a cluster. Same seed, same output.
 *
 * Sources of the lists (all written for this file, from memory, not from the repository):
 * - Chinese surnames and weights: approximate population shares (%) from the published Ministry of
 *   Public Security name reports (2019/2020) and the 2007 surname survey; compound surnames at
 *   token weights.
 * - Chinese given names: characters by gender and common full given names composed by hand; very
 *   common full names (张伟, 王芳, 李娜, 王秀英...) from the same reports' "most common names" lists.
 * - English first names, nicknames and surnames: US SSA/Census 2010 and UK ONS rank order, weights
 *   Zipf-like by rank (1 / (rank + 3)^0.8); nickname pairs are the usual English hypocorisms.
 * - Cities, telephone area codes, postal-code prefixes and division codes: the real ones for the
 *   cities named (district digits of division codes approximate); streets and estates invented.
 * - USCC: GB 32100-2015 layout (authority 9, category 1/2, 6-digit division, 9-character GB 11714
 *   organisation code with its own mod-11 check, then the mod-31 check character).
 *
 * Entities and hard negatives (different entities that look alike), per entity drawn:
 * - household 9% of person draws: a couple sharing landline + address (Chinese wives keep their
 *   surname, Western wives take the husband's); 60% also have a child (same surname, born 24-36
 *   years later). Western sons get the father's first name 35% of the time (the son written
 *   "John Smith Jr." 50%, else plain "John Smith" with the father "Sr." 30%); 15% of households
 *   share one family email.
 * - twins 1.2%: same surname, address, landline and birth date, different given names.
 * - colleagues 6%: 2-4 people sharing an organisation's switchboard, office address and domain.
 * - very common full names 6% (Chinese) / 5% drawn, kept when the gender fits (Western), placed in
 *   the four biggest cities of either side.
 * - branch offices: 10% of Chinese companies get 1-3 分公司 (own address, phone, USCC); 5% of
 *   Western companies get a "- <City> Office". Same trade name in another city also occurs by chance.
 *
 * Duplicates: 30% of entities get 1 (60%), 2 (28%) or 3 (12%) extra records. Every record (first
 * one too) keeps each field independently (person: mobile 85%, landline 60%, email 60%, address
 * 55%, birth date 45%, member number 60% when the entity has one [20%]; organisation: phone 85%,
 * email 50%, address 70%, USCC 70% [entity has one 60% CN]). Each duplicate then takes 1 (50%),
 * 2 (35%) or 3 (15%) damages drawn by these relative weights (only applicable ones):
 * - Chinese name: traditional 12, pinyin 12 (Zhang Wei / Wei Zhang / WEI ZHANG / ZhangWei /
 *   zhang wei), homophone given char 8, dropped given char 5, space or middle dot 6, 王先生/王女士 5.
 * - Western name: nickname 15, typo 12, initial (S. Walker) 10, "WALKER, Sandra" 8, case 8,
 *   marriage surname change 5 (women only; phone and email kept).
 * - Companies: legal form variant 15, city prefix dropped/added/(杭州) 18 (not branches),
 *   (集团) 5, traditional 6, short name 8, English name 6 (only with a shared phone or USCC kept);
 *   Western: Inc/Incorporated/Ltd/Limited/LLC/Corp/GmbH variants 18, &/and 6, case 6, typo 8.
 * - Contacts: phone format 20, phone changed 8, phone one-digit typo 5, email case 6, second email
 *   5, email dropped 10, address city+postal only 5, city+district only 5, Chinese numerals 5,
 *   province prefix 6, postal missing 5, postal digit 3, street abbreviations 10, moved 4, 號 3,
 *   birth date missing 10, day/month swapped 4, one digit off 3. At most one name-format damage
 *   (traditional, pinyin, spacing, title, comma form, case, initial, short/English name) per record.
 * Base formats: CN mobiles +86138... 55% / 138... 45%; CN landlines 0571-8... 65% / +86571... 35%;
 * foreign numbers international; national forms only through the format damage. A reduced
 * address keeps `line1` = the city (or city + district), since the schema requires a line1.
 *
 * Truth conventions: Jr./Sr. and father/son with one name are different people; twins are
 * different people; branch offices are different customers from the head office and each other;
 * same trade name in another city is a different company; a woman's record under her married
 * surname with her old phone/email is the same person; a record with a changed phone or a moved
 * address is the same entity; 王先生 is the same person as 王伟 when recorded as his duplicate.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { ContactPoint, Customer } from 'crmkit';
import { mulberry32 } from 'crmkit/core';

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const chance = (r: Rng, p: number): boolean => r() < p;
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const digits = (r: Rng, n: number): string => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');
const words = (s: string): string[] => s.trim().split(/\s+/);
function weighted<T>(r: Rng, items: readonly (readonly [T, number])[]): T {
  let x = r() * items.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return (items[items.length - 1] as readonly [T, number])[0];
}
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });
const py = (s: string): string[] => pinyin(s, { toneType: 'none', type: 'array', surname: 'head' }).map((p) => p.replace(/ü/g, 'v'));
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// ---- name lists ----------------------------------------------------------------------------
const CN_SURNAMES: (readonly [string, number])[] = (
  '王7.12 李7.00 张6.74 刘5.10 陈4.61 杨3.22 黄2.45 赵2.00 吴1.78 周1.69 徐1.45 孙1.38 马1.29 朱1.28 胡1.16 郭1.13 何1.06 ' +
  '林1.02 高1.00 罗0.94 郑0.84 梁0.83 谢0.73 宋0.72 唐0.69 许0.66 韩0.63 冯0.61 邓0.61 曹0.59 彭0.56 曾0.55 肖0.55 田0.52 ' +
  '董0.52 袁0.50 潘0.50 于0.49 蒋0.48 蔡0.47 余0.46 杜0.46 叶0.45 程0.44 苏0.42 魏0.41 吕0.41 丁0.40 任0.39 沈0.38 姚0.37 ' +
  '卢0.36 姜0.35 崔0.34 钟0.34 谭0.33 陆0.32 汪0.31 范0.30 金0.30 石0.29 廖0.28 贾0.28 夏0.27 韦0.27 付0.26 方0.26 白0.25 ' +
  '邹0.25 孟0.24 熊0.24 秦0.23 邱0.23 江0.22 尹0.22 薛0.21 闫0.21 段0.20 雷0.20 侯0.19 龙0.19 史0.18 陶0.18 黎0.17 贺0.17 ' +
  '顾0.17 毛0.16 郝0.16 龚0.15 邵0.15 万0.15 钱0.14 严0.14 覃0.13 武0.13 戴0.13 莫0.12 孔0.12 向0.11 汤0.11 ' +
  '欧阳0.02 上官0.004 司马0.005 诸葛0.003'
).split(' ').map((t) => [t.replace(/[\d.]+$/, ''), Number(t.match(/[\d.]+$/)?.[0])] as const);
const CN_MALE_CHARS = words('伟 强 磊 军 勇 杰 涛 明 超 刚 平 辉 鹏 华 飞 鑫 波 斌 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 阳 建 国 志 文 海 峰 永 成 东 亮 晨 博 轩 睿 泽 航 天 家 思 远 鸿 瑞 毅 彬 昊 然 子 一 嘉 锦 晓 振 兵 春 学 德 立 金 光 荣 庆 宏 云 生');
const CN_FEMALE_CHARS = words('芳 娜 敏 静 丽 艳 娟 霞 秀 英 燕 玲 桂 兰 萍 红 婷 雪 琳 晶 颖 慧 倩 洁 琴 云 莉 欣 怡 梦 雅 佳 雨 涵 萱 诗 悦 嘉 可 馨 彤 璐 瑶 蕾 薇 晓 淑 珍 凤 梅 华 美 丹 妍 露 月 琪 文 思 宁 佩 若 紫 昕 爱 菲 蓉 媛 玉 春 小');
const CN_MALE_GIVEN = words('建华 建国 志强 志明 国强 建军 海涛 文杰 俊杰 浩然 子轩 宇轩 一鸣 家豪 明辉 永强 晓东 伟 磊 勇 涛 强 军 杰 鹏 斌 超 浩宇 宇航 子豪 博文 天佑 俊熙');
const CN_FEMALE_GIVEN = words('秀英 桂英 秀兰 玉兰 桂兰 秀珍 丽娟 海燕 晓燕 丽华 婷婷 欣怡 梓涵 子涵 诗涵 雨萱 一诺 佳怡 芳 娜 敏 静 丽 艳 娟 霞 雪梅 美玲 静怡 思彤');
const CN_COMMON_MALE = words('张伟 王伟 李伟 刘伟 李强 王磊 李军 刘洋 王勇 张勇 李杰 张磊 王强 王军 张杰 张涛 王涛 李明 王超 李勇 刘杰 张军 张强 王刚');
const CN_COMMON_FEMALE = words('王芳 王秀英 李秀英 李娜 张秀英 张敏 李静 张丽 王静 王丽 张静 李敏 王敏 王艳 李娟 张艳 李艳 王娟 王秀兰 李霞 刘敏 李丽 李桂英 刘芳');
const HOMOPHONES = [
  '伟玮炜维威', '静婧靖晶菁', '丽莉俐', '娜纳', '敏民闽', '芳方舫', '杰洁捷婕', '军君俊峻', '磊蕾雷', '涛韬滔', '明铭鸣茗',
  '华桦骅', '英瑛莹颖', '燕艳彦妍雁', '玲琳林霖凌', '婷亭庭霆', '强蔷', '勇永咏泳', '辉晖慧惠', '鹏朋彭', '宇雨羽语玉',
  '浩昊皓灏豪', '欣新心鑫馨昕', '怡宜仪依', '涵晗含寒', '轩萱宣璇', '思斯诗丝', '嘉佳家加', '建健剑坚', '晨辰琛臣',
  '峰锋丰枫', '东冬栋', '文雯闻', '志智芝', '红虹宏鸿弘', '梅媚玫', '兰岚澜', '霞夏侠', '瑞锐睿', '平萍苹屏',
];
// first name, gender, nicknames (| separated)
const WEST_FIRST: (readonly [string, 'male' | 'female', string[]])[] = (
  'James:m:Jim|Jimmy John:m:Jack|Johnny Robert:m:Bob|Rob|Bobby Michael:m:Mike|Mick William:m:Bill|Will|Billy David:m:Dave ' +
  'Richard:m:Rick|Dick Joseph:m:Joe Thomas:m:Tom|Tommy Charles:m:Charlie|Chuck Christopher:m:Chris Daniel:m:Dan|Danny ' +
  'Matthew:m:Matt Anthony:m:Tony Mark:m: Donald:m:Don Steven:m:Steve Paul:m: Andrew:m:Andy|Drew Joshua:m:Josh Kenneth:m:Ken ' +
  'Kevin:m: Brian:m: George:m: Edward:m:Ed|Ted|Eddie Ronald:m:Ron Timothy:m:Tim Jason:m: Jeffrey:m:Jeff Ryan:m: Jacob:m:Jake ' +
  'Gary:m: Nicholas:m:Nick Eric:m: Jonathan:m:Jon Stephen:m:Steve Justin:m: Scott:m: Benjamin:m:Ben Samuel:m:Sam ' +
  'Gregory:m:Greg Frank:m: Alexander:m:Alex Raymond:m:Ray Patrick:m:Pat Dennis:m: Jerry:m: Peter:m:Pete Henry:m:Harry|Hank ' +
  'Douglas:m:Doug Zachary:m:Zach Nathan:m:Nate Walter:m:Walt Harold:m:Harry Carl:m: Arthur:m:Art Gerald:m:Gerry Roger:m: ' +
  'Keith:m: Lawrence:m:Larry Sean:m: Albert:m:Al Eugene:m:Gene Louis:m:Lou Russell:m:Russ Philip:m:Phil Vincent:m:Vince ' +
  'Oliver:m:Ollie Liam:m: Connor:m: Callum:m: Oscar:m: Harry:m: Jack:m: Noah:m: Ethan:m: Luke:m: ' +
  'Mary:f:Molly|Polly Patricia:f:Pat|Patty|Trish Jennifer:f:Jen|Jenny Linda:f: Elizabeth:f:Liz|Beth|Betty|Lizzie Barbara:f:Barb ' +
  'Susan:f:Sue|Susie Jessica:f:Jess Sarah:f: Karen:f: Nancy:f: Lisa:f: Margaret:f:Peggy|Maggie|Meg Sandra:f:Sandy Ashley:f: ' +
  'Dorothy:f:Dot|Dottie Kimberly:f:Kim Emily:f:Em Donna:f: Michelle:f:Shelly Carol:f: Amanda:f:Mandy Melissa:f:Missy|Mel ' +
  'Deborah:f:Debbie|Deb Stephanie:f:Steph Rebecca:f:Becky|Becca Laura:f: Sharon:f: Cynthia:f:Cindy Kathleen:f:Kathy|Kate ' +
  'Amy:f: Shirley:f: Angela:f:Angie Helen:f: Anna:f: Brenda:f: Pamela:f:Pam Nicole:f:Nikki Samantha:f:Sam ' +
  'Katherine:f:Kate|Katie|Kathy Emma:f: Ruth:f: Christine:f:Chris|Chrissy Catherine:f:Cathy|Kate Rachel:f: Janet:f: ' +
  'Virginia:f:Ginny Maria:f: Heather:f: Diane:f: Julie:f: Victoria:f:Vicky|Tori Olivia:f:Liv Kelly:f: Christina:f:Tina ' +
  'Lauren:f: Joan:f: Evelyn:f:Evie Judith:f:Judy Megan:f:Meg Andrea:f: Hannah:f: Jacqueline:f:Jackie Frances:f:Fran ' +
  'Gloria:f: Ann:f: Teresa:f:Terri Alice:f: Abigail:f:Abby Julia:f: Grace:f: Amber:f: Beverly:f:Bev Danielle:f:Dani ' +
  'Sophia:f:Sophie Natalie:f:Nat Isabella:f:Bella|Izzy Charlotte:f:Lottie Rose:f: Eleanor:f:Ellie|Nell Lucy:f: Chloe:f: ' +
  'Zoe:f: Amelia:f:Millie Jane:f: Valerie:f:Val Susannah:f:Susie Alexandra:f:Alex|Lexi Jade:f: Georgia:f:'
).split(' ').map((t) => {
  const [n, g, nick] = t.split(':') as [string, string, string];
  return [n, g === 'm' ? 'male' : 'female', nick ? nick.split('|') : []] as const;
});
const WEST_LAST = words(
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Wilson Anderson Thomas Taylor Moore ' +
  'Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker ' +
  'Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan ' +
  'Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Myers ' +
  'Long Ross Foster Powell Jenkins Perry Russell Sullivan Fisher Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton ' +
  'Graham Wallace Cole West Owens Marshall Ellis Stevens Murray Ford Wells Hunt Palmer Black Mason Porter Kennedy Warren Dixon ' +
  'Burns Gordon Shaw Holmes Rice Hunter Hart Knight Lane Fox Webb Hayes Stone Harrison Gibson Walsh Lloyd Davies Hall Wilkinson ' +
  "Chapman Harvey Mills Barker Pearce Patel Khan Singh Ahmed Nguyen O'Brien O'Connor McDonald MacLeod Fitzgerald Byrne Ryan Doyle Quinn",
);
const WEST_LAST_W = WEST_LAST.map((n, i) => [n, 1 / (i + 3) ** 0.8] as const);
const WEST_COMMON: [string, string][] = [['John', 'Smith'], ['Michael', 'Smith'], ['David', 'Smith'], ['James', 'Smith'], ['Robert', 'Johnson'],
  ['Mary', 'Smith'], ['Michael', 'Johnson'], ['David', 'Jones'], ['John', 'Williams'], ['James', 'Brown'], ['Maria', 'Garcia'], ['Sarah', 'Jones']];

// ---- places ----------------------------------------------------------------------------------
interface CnCity { city: string; short: string; province: string; area: string; post: string; div: string; districts: string[]; w: number }
const CN_CITIES: CnCity[] = [
  '北京市|北京|北京市|10|1000|1101|朝阳区 海淀区 东城区 西城区 丰台区 通州区|14', '上海市|上海|上海市|21|2000|3101|浦东新区 徐汇区 静安区 黄浦区 闵行区 杨浦区|14',
  '广州市|广州|广东省|20|5100|4401|天河区 越秀区 海珠区 白云区 番禺区|9', '深圳市|深圳|广东省|755|5180|4403|南山区 福田区 罗湖区 宝安区 龙岗区|9',
  '杭州市|杭州|浙江省|571|3100|3301|西湖区 上城区 拱墅区 滨江区 余杭区|7', '成都市|成都|四川省|28|6100|5101|锦江区 武侯区 青羊区 高新区 成华区|6',
  '武汉市|武汉|湖北省|27|4300|4201|江汉区 武昌区 洪山区 江岸区|5', '南京市|南京|江苏省|25|2100|3201|玄武区 鼓楼区 秦淮区 建邺区|5',
  '西安市|西安|陕西省|29|7100|6101|雁塔区 碑林区 未央区 新城区|4', '重庆市|重庆|重庆市|23|4000|5001|渝中区 江北区 南岸区 渝北区|5',
  '天津市|天津|天津市|22|3000|1201|和平区 河西区 南开区 滨海新区|4', '苏州市|苏州|江苏省|512|2150|3205|姑苏区 工业园区 吴中区 相城区|4',
  '郑州市|郑州|河南省|371|4500|4101|金水区 中原区 二七区 管城区|3', '长沙市|长沙|湖南省|731|4100|4301|岳麓区 芙蓉区 天心区 开福区|3',
  '青岛市|青岛|山东省|532|2660|3702|市南区 市北区 崂山区 黄岛区|3', '沈阳市|沈阳|辽宁省|24|1100|2101|和平区 沈河区 皇姑区 铁西区|3',
  '厦门市|厦门|福建省|592|3610|3502|思明区 湖里区 集美区|2', '宁波市|宁波|浙江省|574|3150|3302|海曙区 江北区 鄞州区|2',
  '合肥市|合肥|安徽省|551|2300|3401|蜀山区 包河区 庐阳区|2', '济南市|济南|山东省|531|2500|3701|历下区 市中区 槐荫区|2',
].map((s) => {
  const [city, short, province, area, post, div, d, w] = s.split('|') as [string, string, string, string, string, string, string, string];
  return { city, short, province, area, post, div, districts: words(d), w: Number(w) };
});
const CN_BIG = CN_CITIES.slice(0, 4);
const CN_ROADS = words('中山路 人民路 解放路 建设路 和平路 新华路 文化路 长江路 黄河路 南京路 北京路 青年路 胜利路 朝阳路 光明路 幸福路 学院路 科技路 创业大道 滨江大道 文三路 延安路 淮海路 天府大道 珠江路 东风路 工业路 环城北路 世纪大道 金融街');
const CN_ESTATES = words('阳光花园 锦绣家园 翠苑小区 金色家园 华府 名都 丽景苑 都市花园 万科城 新城花园 碧桂园 绿城 御景湾 学府小区');
interface WestCity { country: string; city: string; region: string; area: string; post: () => string; w: number }
const ukPost = (outs: string) => (r: Rng) => `${pick(r, words(outs))} ${int(r, 1, 9)}${pick(r, [...'ABDEFGHJLNPQRSTUWXYZ'])}${pick(r, [...'ABDEFGHJLNPQRSTUWXYZ'])}`;
const WEST_CITIES = (r: Rng): WestCity[] => [
  ['US', 'New York', 'NY', '212', () => `100${digits(r, 2)}`, 8], ['US', 'Chicago', 'IL', '312', () => `606${digits(r, 2)}`, 5],
  ['US', 'Los Angeles', 'CA', '213', () => `900${digits(r, 2)}`, 5], ['US', 'Houston', 'TX', '713', () => `770${digits(r, 2)}`, 3],
  ['US', 'Boston', 'MA', '617', () => `021${digits(r, 2)}`, 2], ['US', 'Seattle', 'WA', '206', () => `981${digits(r, 2)}`, 2],
  ['US', 'San Francisco', 'CA', '415', () => `941${digits(r, 2)}`, 2], ['US', 'Denver', 'CO', '303', () => `802${digits(r, 2)}`, 1],
  ['GB', 'London', 'Greater London', '20', () => ukPost('E1 N1 SE1 SW6 W2 NW3 EC1V WC1N SW11 E14')(r), 8],
  ['GB', 'Manchester', 'Greater Manchester', '161', () => ukPost('M1 M4 M14 M20')(r), 2], ['GB', 'Birmingham', 'West Midlands', '121', () => ukPost('B1 B5 B15')(r), 2],
  ['GB', 'Leeds', 'West Yorkshire', '113', () => ukPost('LS1 LS6 LS11')(r), 1], ['GB', 'Bristol', 'Bristol', '117', () => ukPost('BS1 BS8')(r), 1],
  ['AU', 'Sydney', 'NSW', '2', () => String(int(r, 2000, 2234)), 3], ['AU', 'Melbourne', 'VIC', '3', () => String(int(r, 3000, 3207)), 3],
  ['AU', 'Brisbane', 'QLD', '7', () => String(int(r, 4000, 4179)), 1],
  ['DE', 'Berlin', 'Berlin', '30', () => String(int(r, 10115, 14199)), 0], ['DE', 'München', 'Bayern', '89', () => String(int(r, 80331, 81929)), 0],
  ['DE', 'Hamburg', 'Hamburg', '40', () => String(int(r, 20095, 22769)), 0],
].map(([country, city, region, area, post, w]) => ({ country, city, region, area, post, w }) as WestCity);
const DE_STREETS = words('Hauptstraße Bahnhofstraße Schillerstraße Goethestraße Friedrichstraße Lindenstraße Gartenweg Industriestraße');
const WEST_STREETS = words('Oak Maple Cedar Pine Elm Washington Lincoln Park Lake Hill Church High Station Victoria King Queen Mill Bridge George Albert Market Main Sunset River Spring Highland Chestnut Willow');
const STREET_TYPES: [string, string][] = [['Street', 'St.'], ['Road', 'Rd'], ['Avenue', 'Ave.'], ['Lane', 'Ln'], ['Drive', 'Dr.'], ['Court', 'Ct'], ['Boulevard', 'Blvd'], ['Place', 'Pl']];

// ---- phones ----------------------------------------------------------------------------------
/** A phone as its owner has it: country code, area/prefix part and the rest. Rendered per style. */
interface Phone { cc: string; kind: 'mobile' | 'landline'; area: string; sub: string }
const grp = (s: string, ...n: number[]): string[] => { const out: string[] = []; let i = 0; for (const k of n) { out.push(s.slice(i, i + k)); i += k; } if (i < s.length) out.push(s.slice(i)); return out; };
const FULL_WIDTH = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
type Fmt = (a: string, s: string) => string;
const FORMATS: Record<string, Fmt[]> = {
  '86mobile': [(_, s) => `+86${s}`, (_, s) => s, (_, s) => `+86 ${grp(s, 3, 4).join(' ')}`, (_, s) => `0086${s}`, (_, s) => grp(s, 3, 4).join('-'),
    (_, s) => grp(s, 3, 4).join(' '), (_, s) => FULL_WIDTH(s), (_, s) => `86-${s}`, (_, s) => `+86-${s}`],
  '86landline': [(a, s) => `0${a}-${s}`, (a, s) => `+86${a}${s}`, (a, s) => `0${a}${s}`, (a, s) => `0${a} ${s}`, (a, s) => `${a}-${s}`, (_, s) => s,
    (a, s) => `(0${a})${s}`, (a, s) => `+86 ${a} ${grp(s, 4).join(' ')}`, (a, s) => `0${a}-${grp(s, 4).join('-')}`],
  '1landline': [(a, s) => `+1 ${a}-${grp(s, 3).join('-')}`, (a, s) => `(${a}) ${grp(s, 3).join('-')}`, (a, s) => `+1${a}${s}`, (a, s) => `${a}.${grp(s, 3).join('.')}`,
    (a, s) => `${a}${s}`, (a, s) => `1-${a}-${grp(s, 3).join('-')}`, (a, s) => `${a}-${grp(s, 3).join('-')}`],
  '44mobile': [(a, s) => `+44 ${a} ${s}`, (a, s) => `0${a} ${s}`, (a, s) => `+44${a}${s}`, (a, s) => `0${a}${s}`, (a, s) => `0044 ${a} ${s}`, (a, s) => `+44 (0)${a} ${s}`],
  '44landline': [(a, s) => `+44 ${a} ${grp(s, s.length - 4).join(' ')}`, (a, s) => `0${a} ${grp(s, s.length - 4).join(' ')}`, (a, s) => `+44${a}${s}`, (a, s) => `0${a}${s}`,
    (a, s) => `(0${a}) ${grp(s, s.length - 4).join(' ')}`, (a, s) => `+44 (0)${a} ${grp(s, s.length - 4).join(' ')}`],
  '61mobile': [(a, s) => `+61 ${a} ${grp(s, 3).join(' ')}`, (a, s) => `0${a} ${grp(s, 3).join(' ')}`, (a, s) => `+61${a}${s}`, (a, s) => `0${a}${s}`],
  '49landline': [(a, s) => `+49 ${a} ${s}`, (a, s) => `0${a} ${s}`, (a, s) => `+49${a}${s}`, (a, s) => `0${a}/${s}`, (a, s) => `+49 (0)${a} ${s}`],
  '61landline': [(a, s) => `+61 ${a} ${grp(s, 4).join(' ')}`, (a, s) => `(0${a}) ${grp(s, 4).join(' ')}`, (a, s) => `+61${a}${s}`, (a, s) => `0${a} ${grp(s, 4).join(' ')}`],
};
FORMATS['1mobile'] = FORMATS['1landline'] as Fmt[];
FORMATS['49mobile'] = FORMATS['49landline'] as Fmt[];
const formatsOf = (p: Phone): Fmt[] => FORMATS[p.cc + p.kind] as Fmt[];
const CN_MOBILE_PREFIX = words('130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 177 180 181 182 183 185 186 187 188 189 191 198 199');
const cnMobile = (r: Rng): Phone => ({ cc: '86', kind: 'mobile', area: '', sub: pick(r, CN_MOBILE_PREFIX) + digits(r, 8) });
const cnLandline = (r: Rng, c: CnCity): Phone => ({ cc: '86', kind: 'landline', area: c.area, sub: String(int(r, 2, 8)) + digits(r, 7) });
function westPhone(r: Rng, c: WestCity, kind: 'mobile' | 'landline'): Phone {
  if (c.country === 'US') return { cc: '1', kind, area: c.area, sub: String(int(r, 2, 9)) + digits(r, 6) };
  if (c.country === 'GB') return kind === 'mobile' ? { cc: '44', kind, area: `7${pick(r, words('4 5 7 8 9'))}${digits(r, 2)}`, sub: digits(r, 6) }
    : { cc: '44', kind, area: c.area, sub: c.area === '20' ? pick(r, words('3 7 8')) + digits(r, 7) : String(int(r, 2, 4)) + digits(r, 6) };
  if (c.country === 'DE') return kind === 'mobile' ? { cc: '49', kind, area: `1${pick(r, words('51 52 57 60 62 70 71 72 76'))}`, sub: digits(r, 7) } : { cc: '49', kind, area: c.area, sub: String(int(r, 2, 9)) + digits(r, 6) };
  return kind === 'mobile' ? { cc: '61', kind, area: `4${int(r, 0, 3)}${digits(r, 1)}`, sub: digits(r, 6) } : { cc: '61', kind, area: c.area, sub: (c.area === '7' ? '3' : pick(r, words('8 9'))) + digits(r, 7) };
}

// ---- USCC (GB 32100-2015) --------------------------------------------------------------------
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function makeUscc(r: Rng, division: string): string {
  const body = chance(r, 0.5) ? 'MA' + Array.from({ length: 6 }, () => pick(r, [...USCC_ALPHABET])).join('') : digits(r, 8);
  const orgW = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = [...body].reduce((s, ch, i) => s + (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * (orgW[i] as number), 0);
  const c9 = 11 - (orgSum % 11);
  const first17 = `9${chance(r, 0.9) ? '1' : '2'}${division}${body}${c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9)}`;
  const sum = [...first17].reduce((s, ch, i) => s + USCC_ALPHABET.indexOf(ch) * (USCC_WEIGHTS[i] as number), 0);
  return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

// ---- entities --------------------------------------------------------------------------------
interface Addr { country: string; region?: string; city?: string; district?: string; line1: string; line2?: string; postalCode?: string }
/** One record's worth of fields (the entity's full truth, or a damaged, partial copy). */
interface Draft {
  kind: 'person' | 'organization'; culture: 'cn' | 'west';
  displayName: string; givenName?: string; familyName?: string; gender?: 'male' | 'female';
  birth?: Date; uscc?: string; industry?: string; branch?: boolean; english?: string; short?: string;
  phones: Phone[]; phoneStyles: number[]; emails: string[]; address?: Addr; memberNo?: string; cnCity?: CnCity; westCity?: WestCity;
  /** set by damages that rely on the shared phone/email/USCC staying as they were */
  keep?: boolean;
}
const clone = (d: Draft): Draft => ({ ...d, phones: d.phones.map((p) => ({ ...p })), phoneStyles: [...d.phoneStyles], emails: [...d.emails], ...(d.address && { address: { ...d.address } }) });

function cnAddress(r: Rng, c: CnCity, office: boolean): Addr {
  const di = int(r, 0, c.districts.length - 1);
  const road = `${pick(r, CN_ROADS)}${int(r, 1, 399)}号`;
  const rest = office ? pick(r, [`${pick(r, words('国际 金融 科技 环球 世纪 中信 银泰'))}大厦${int(r, 2, 32)}层`, `${int(r, 1, 12)}号楼${int(r, 1, 9)}楼`])
    : chance(r, 0.6) ? `${pick(r, CN_ESTATES)}${int(r, 1, 30)}栋${int(r, 1, 4)}单元${int(r, 1, 28)}0${int(r, 1, 6)}` : `${int(r, 1, 20)}幢${int(r, 1, 18)}0${int(r, 1, 4)}室`;
  return { country: 'CN', ...(chance(r, 0.5) && { region: c.province }), city: c.city, district: c.districts[di] as string, line1: road + rest, postalCode: c.post + digits(r, 2) };
}
function westAddress(r: Rng, c: WestCity, office: boolean): Addr {
  const [type] = pick(r, STREET_TYPES);
  const unit = office ? (chance(r, 0.6) ? `Suite ${int(r, 1, 30)}00` : undefined)
    : chance(r, 0.35) ? (c.country === 'GB' ? `Flat ${int(r, 1, 20)}` : c.country === 'AU' ? `Unit ${int(r, 1, 40)}` : `Apartment ${int(r, 1, 20)}${pick(r, [...'ABCD'])}`) : undefined;
  const line1 = c.country === 'DE' ? `${pick(r, DE_STREETS)} ${int(r, 1, 120)}` : `${int(r, 1, 2400)} ${pick(r, WEST_STREETS)} ${type}`;
  return { country: c.country, region: c.region, city: c.city, line1, ...(unit && { line2: unit }), postalCode: c.post() };
}
const randomDate = (r: Rng, y0: number, y1: number): Date => new Date(Date.UTC(int(r, y0, y1), int(r, 0, 11), int(r, 1, 28)));
const EMAIL_DOMAINS_CN = words('163.com qq.com 126.com sina.com foxmail.com gmail.com 139.com');
const EMAIL_DOMAINS_WEST: Record<string, string[]> = { US: words('gmail.com outlook.com yahoo.com hotmail.com icloud.com aol.com comcast.net'),
  GB: words('gmail.com outlook.com hotmail.co.uk yahoo.co.uk btinternet.com sky.com icloud.com'), AU: words('gmail.com outlook.com bigpond.com optusnet.com.au hotmail.com'), DE: words('gmail.com web.de gmx.de t-online.de') };
function personalEmail(r: Rng, d: Draft): string {
  if (d.culture === 'cn') {
    const p = py(`${d.familyName}${d.givenName}`).join('');
    return pick(r, [`${p}${int(r, 1, 99)}`, `${digits(r, 1).replace('0', '5')}${digits(r, int(r, 6, 9))}`, `${py(d.givenName ?? '').join('')}.${py(d.familyName ?? '').join('')}`]) + '@' + pick(r, EMAIL_DOMAINS_CN);
  }
  const f = (d.givenName ?? '').toLowerCase(), l = (d.familyName ?? '').toLowerCase().replace(/'/g, '');
  return pick(r, [`${f}.${l}`, `${f[0]}${l}`, `${f}${l}${int(r, 1, 99)}`, `${l}.${f}`]) + '@' + pick(r, EMAIL_DOMAINS_WEST[d.westCity?.country ?? 'US'] ?? []);
}

class World {
  readonly entities: Draft[] = [];
  readonly orgs: { d: Draft; domain: string }[] = [];
  constructor(readonly r: Rng) {}
  cnCity(big = false): CnCity { return big ? pick(this.r, CN_BIG) : weighted(this.r, CN_CITIES.map((c) => [c, c.w] as const)); }
  westCity(big = false, org = false, country?: string): WestCity {
    const cs = WEST_CITIES(this.r).filter((c) => country === undefined || c.country === country);
    if (big) return pick(this.r, cs.filter((c) => ['New York', 'Chicago', 'London', 'Sydney'].includes(c.city)));
    return weighted(this.r, cs.map((c) => [c, c.w || (org || country ? 1 : 0)] as const));
  }
  cnPerson(gender: 'male' | 'female', family?: string, given?: string, city?: CnCity, birthYears: [number, number] = [1950, 2004]): Draft {
    const r = this.r;
    let fam = family ?? weighted(r, CN_SURNAMES);
    let giv = given;
    if (giv === undefined && !family && chance(r, 0.06)) { const full = pick(r, gender === 'male' ? CN_COMMON_MALE : CN_COMMON_FEMALE); fam = full[0] as string; giv = full.slice(1); city ??= this.cnCity(true); }
    giv ??= chance(r, 0.35) ? pick(r, gender === 'male' ? CN_MALE_GIVEN : CN_FEMALE_GIVEN)
      : Array.from({ length: chance(r, 0.25) ? 1 : 2 }, () => pick(r, gender === 'male' ? CN_MALE_CHARS : CN_FEMALE_CHARS)).join('');
    const c = city ?? this.cnCity();
    const d: Draft = { kind: 'person', culture: 'cn', displayName: fam + giv, familyName: fam, givenName: giv, gender, birth: randomDate(r, ...birthYears),
      phones: [cnMobile(r)], phoneStyles: [], emails: [], address: cnAddress(r, c, false), cnCity: c, ...(chance(r, 0.2) && { memberNo: `M${digits(r, 8)}` }) };
    if (chance(r, 0.3)) d.phones.push(cnLandline(r, c));
    if (chance(r, 0.7)) d.emails.push(personalEmail(r, d));
    return d;
  }
  westPerson(gender: 'male' | 'female', family?: string, first?: string, city?: WestCity, birthYears: [number, number] = [1945, 2004]): Draft {
    const r = this.r;
    let fam = family ?? weighted(r, WEST_LAST_W);
    let giv = first ?? pick(r, WEST_FIRST.filter((f) => f[1] === gender))[0];
    if (!family && !first && chance(r, 0.05)) { const c = pick(r, WEST_COMMON); if (WEST_FIRST.find((f) => f[0] === c[0])?.[1] === gender) { [giv, fam] = c; city ??= this.westCity(true); } }
    const c = city ?? this.westCity();
    const d: Draft = { kind: 'person', culture: 'west', displayName: `${giv} ${fam}`, familyName: fam, givenName: giv, gender, birth: randomDate(r, ...birthYears),
      phones: [westPhone(r, c, 'mobile')], phoneStyles: [], emails: [], address: westAddress(r, c, false), westCity: c, ...(chance(r, 0.2) && { memberNo: `M${digits(r, 8)}` }) };
    if (chance(r, 0.3)) d.phones.push(westPhone(r, c, 'landline'));
    if (chance(r, 0.75)) d.emails.push(personalEmail(r, d));
    return d;
  }
  person(cn: boolean, gender: 'male' | 'female', family?: string, given?: string): Draft {
    return cn ? this.cnPerson(gender, family, given) : this.westPerson(gender, family, given);
  }
  /** Makes `d` share a home: the same landline (added if absent) and address as `with`. */
  cohabit(d: Draft, home: Draft): void {
    const line = home.phones.find((p) => p.kind === 'landline');
    d.phones = d.phones.filter((p) => p.kind !== 'landline');
    if (line) d.phones.push({ ...line });
    d.address = home.address && { ...home.address };
    d.cnCity = home.cnCity;
    d.westCity = home.westCity;
  }
  household(cn: boolean): void {
    const r = this.r;
    const hasChild = chance(r, 0.6);
    const years: [number, number] = hasChild ? [1940, 1972] : [1945, 1998];
    const man = cn ? this.cnPerson('male', undefined, undefined, undefined, years) : this.westPerson('male', undefined, undefined, undefined, years);
    if (!man.phones.some((p) => p.kind === 'landline')) man.phones.push(cn ? cnLandline(r, man.cnCity as CnCity) : westPhone(r, man.westCity as WestCity, 'landline'));
    const wy = (man.birth as Date).getUTCFullYear() + int(r, -2, 6);
    const wife = cn ? this.cnPerson('female', undefined, undefined, man.cnCity, [wy, wy]) : this.westPerson('female', man.familyName, undefined, man.westCity, [wy, wy]);
    this.cohabit(wife, man);
    const family: Draft[] = [man, wife];
    if (hasChild) {
      const y = (man.birth as Date).getUTCFullYear() + int(r, 24, 36);
      const son = chance(r, 0.55);
      const junior = !cn && son && chance(r, 0.35);
      const child = cn ? this.cnPerson(son ? 'male' : 'female', man.familyName, undefined, undefined, [y, y])
        : this.westPerson(son ? 'male' : 'female', man.familyName, junior ? man.givenName : undefined, undefined, [y, y]);
      if (junior) { if (chance(r, 0.5)) child.displayName += ' Jr.'; else if (chance(r, 0.3)) man.displayName += ' Sr.'; }
      this.cohabit(child, man);
      family.push(child);
    }
    if (chance(r, 0.15)) { const shared = personalEmail(r, man).replace(/^[^@]+/, `${(cn ? py(man.familyName ?? '').join('') : man.familyName ?? '').toLowerCase().replace(/'/g, '')}family${int(r, 1, 99)}`); for (const m of family) m.emails = [shared]; }
    this.entities.push(...family);
  }
  twins(cn: boolean): void {
    const r = this.r;
    const a = this.person(cn, chance(r, 0.5) ? 'male' : 'female');
    if (!a.phones.some((p) => p.kind === 'landline')) a.phones.push(cn ? cnLandline(r, a.cnCity as CnCity) : westPhone(r, a.westCity as WestCity, 'landline'));
    let b: Draft;
    do b = this.person(cn, chance(r, 0.5) ? 'male' : 'female', a.familyName); while (b.givenName === a.givenName);
    this.cohabit(b, a);
    b.birth = a.birth;
    if (chance(r, 0.5)) { a.phones = a.phones.filter((p) => p.kind === 'landline'); b.phones = b.phones.filter((p) => p.kind === 'landline'); }
    this.entities.push(a, b);
  }
  colleagues(): void {
    const r = this.r;
    const org = this.orgs.length > 0 && chance(r, 0.7) ? pick(r, this.orgs) : this.organization();
    for (let i = int(r, 2, 4); i > 0; i--) {
      const g = chance(r, 0.5) ? 'male' : 'female';
      const p = org.d.culture === 'cn' ? this.cnPerson(g, undefined, undefined, org.d.cnCity) : this.westPerson(g, undefined, undefined, org.d.westCity);
      p.phones = [...(chance(r, 0.6) ? [p.phones[0] as Phone] : []), { ...(org.d.phones[0] as Phone) }];
      p.address = org.d.address && { ...org.d.address };
      p.cnCity = org.d.cnCity;
      const local = p.culture === 'cn' ? py(p.givenName ?? '').join('') + '.' + py(p.familyName ?? '').join('') : `${(p.givenName ?? '').toLowerCase()}.${(p.familyName ?? '').toLowerCase().replace(/'/g, '')}`;
      p.emails = [`${local}@${org.domain}`, ...(chance(r, 0.3) ? p.emails : [])];
      this.entities.push(p);
    }
  }
  organization(): { d: Draft; domain: string } {
    const r = this.r;
    let out: { d: Draft; domain: string };
    if (chance(r, 0.65)) {
      const c = this.cnCity();
      const [industry, eng] = pick(r, CN_INDUSTRIES);
      const b1 = pick(r, CN_BRAND);
      const brand = b1 + pick(r, CN_BRAND.filter((x) => x !== b1));
      const form = weighted(r, [['有限公司', 60], ['有限责任公司', 22], ['股份有限公司', 13], ['集团有限公司', 5]] as const);
      const prefix = chance(r, 0.75) ? c.short : '';
      const domain = `${py(brand).join('')}${chance(r, 0.5) ? py(industry).map((s) => s[0]).join('') : ''}.com${chance(r, 0.5) ? '.cn' : ''}`;
      const d: Draft = { kind: 'organization', culture: 'cn', displayName: prefix + brand + industry + form, industry, cnCity: c, phones: [cnLandline(r, c)], phoneStyles: [],
        emails: chance(r, 0.7) ? [`${pick(r, words('info contact service sales hr'))}@${domain}`] : [], address: cnAddress(r, c, true),
        english: `${py(c.short).map(cap).join('')} ${py(brand).map(cap).join('')} ${eng} Co., Ltd.`, short: brand + industry,
        ...(chance(r, 0.6) && { uscc: makeUscc(r, c.div + String(int(r, 2, 12)).padStart(2, '0')) }) };
      out = { d, domain };
      this.entities.push(d);
      if (chance(r, 0.1)) for (let i = int(r, 1, 3); i > 0; i--) {
        const bc = this.cnCity();
        this.entities.push({ ...clone(d), displayName: `${d.displayName}${bc === c ? pick(r, bc.districts).replace(/区$/, '') : bc.short}分公司`, branch: true, cnCity: bc,
          phones: [cnLandline(r, bc)], address: cnAddress(r, bc, true), ...(d.uscc && { uscc: makeUscc(r, bc.div + String(int(r, 2, 12)).padStart(2, '0')) }) });
      }
    } else {
      const c = this.westCity(false, true);
      const core = chance(r, 0.2) ? `${weighted(r, WEST_LAST_W)} & ${weighted(r, WEST_LAST_W)}` : `${pick(r, WEST_ORG_A)} ${pick(r, WEST_ORG_B)}`;
      const form = c.country === 'US' ? pick(r, ['Inc.', 'LLC', 'Corporation', 'Inc.', 'Co.']) : c.country === 'DE' ? 'GmbH' : c.country === 'GB' ? pick(r, ['Ltd', 'Limited', 'PLC', 'Ltd']) : pick(r, ['Pty Ltd', 'Pty Ltd', 'Limited']);
      const domain = `${core.toLowerCase().replace(/[^a-z]/g, '')}.${c.country === 'US' ? 'com' : c.country === 'GB' ? 'co.uk' : c.country === 'DE' ? 'de' : 'com.au'}`;
      const d: Draft = { kind: 'organization', culture: 'west', displayName: `${core} ${form}`, phones: [westPhone(r, c, 'landline')], phoneStyles: [],
        emails: chance(r, 0.7) ? [`${pick(r, words('info contact sales office hello'))}@${domain}`] : [], address: westAddress(r, c, true), westCity: c };
      out = { d, domain };
      this.entities.push(d);
      if (chance(r, 0.05)) {
        const bc = this.westCity(false, true, c.country);
        if (bc.city !== c.city) this.entities.push({ ...clone(d), displayName: `${d.displayName} - ${bc.city} Office`, branch: true, phones: [westPhone(r, bc, 'landline')], address: westAddress(r, bc, true) });
      }
    }
    this.orgs.push(out);
    return out;
  }
}
const CN_BRAND = words('华 信 达 恒 瑞 鑫 宏 通 德 盛 源 泰 博 创 智 联 嘉 新 天 远 海 东 中 兴 安 和 康 美 正 明 科 益 汇 星 腾 峰');
const CN_INDUSTRIES: [string, string][] = [['科技', 'Technology'], ['信息技术', 'Information Technology'], ['网络科技', 'Network Technology'], ['贸易', 'Trading'],
  ['电子', 'Electronics'], ['机械', 'Machinery'], ['建设工程', 'Construction Engineering'], ['餐饮管理', 'Catering Management'], ['文化传媒', 'Culture Media'],
  ['医疗器械', 'Medical Devices'], ['物流', 'Logistics'], ['生物科技', 'Biotechnology'], ['教育咨询', 'Education Consulting'], ['食品', 'Food'], ['服饰', 'Apparel'],
  ['新材料', 'New Materials'], ['环保科技', 'Environmental Technology'], ['软件', 'Software'], ['商贸', 'Commerce'], ['实业', 'Industrial']];
const WEST_ORG_A = words('Northwind Bluewater Summit Redwood Silverline Brightpath Ironbridge Greenfield Oakridge Harbor Pinnacle Crescent Keystone Riverside Evergreen Sterling Atlas Beacon Cobalt Meridian Granite Horizon Lakeside Orion Westbrook Falcon Juniper Crown Anchor');
const WEST_ORG_B = words('Logistics Analytics Consulting Software Foods Dental Engineering Partners Holdings Media Systems Labs Construction Realty Capital Supply Manufacturing Design Health Energy');

// ---- damage ----------------------------------------------------------------------------------
type Damage = { name: string; w: number; stage: number; ok: (d: Draft) => boolean; run: (d: Draft, r: Rng, w: World) => void };
const isCnP = (d: Draft) => d.kind === 'person' && d.culture === 'cn' && !!d.givenName;
const isWP = (d: Draft) => d.kind === 'person' && d.culture === 'west' && !!d.givenName;
const cnOrg = (d: Draft) => d.kind === 'organization' && d.culture === 'cn';
const wOrg = (d: Draft) => d.kind === 'organization' && d.culture === 'west';
const rename = (d: Draft) => { d.displayName = d.culture === 'cn' ? `${d.familyName}${d.givenName}` : `${d.givenName} ${d.familyName}`; };
const typo = (r: Rng, s: string): string => {
  const i = int(r, 1, s.length - 1), ch = pick(r, [...'aeiourstnlmc']);
  return pick(r, [s.slice(0, i) + s.slice(i + 1), s.slice(0, i) + ch + s.slice(i), s.slice(0, i) + ch + s.slice(i + 1), s.slice(0, i - 1) + s[i] + s[i - 1] + s.slice(i + 1)]);
};
const CN_DIGITS = '零一二三四五六七八九';
const cnNumber = (n: number): string => n < 10 ? CN_DIGITS[n] as string : n < 100 ? `${n >= 20 ? CN_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? CN_DIGITS[n % 10] : ''}` : [...String(n)].map((c) => CN_DIGITS[Number(c)]).join('');
const LEGAL_FORMS: [RegExp, string[]][] = [[/ Pty Ltd$/, [' Pty. Ltd.', ' Pty Limited', '']], [/ (Inc\.|Incorporated|Inc)$/, [' Inc.', ' Incorporated', ' Inc', ', Inc.', '']], [/ (Ltd|Limited|Ltd\.)$/, [' Ltd', ' Limited', ' Ltd.', '']],
  [/ LLC$/, [' L.L.C.', ' Llc', '']], [/ (Corporation|Corp\.)$/, [' Corp.', ' Corporation', ' Corp']], [/ Co\.$/, [' Company', ' Co', '']], [/ PLC$/, [' plc', ' Public Limited Company']], [/ GmbH$/, [' Gmbh', ' G.m.b.H.', '']]];
const DAMAGES: Damage[] = [
  { name: 'cnHomophone', w: 8, stage: 0, ok: isCnP, run: (d, r) => { const g = [...(d.givenName as string)]; const i = int(r, 0, g.length - 1); const grpH = HOMOPHONES.find((h) => h.includes(g[i] as string)); if (grpH) { g[i] = pick(r, [...grpH].filter((c) => c !== g[i])); d.givenName = g.join(''); rename(d); } } },
  { name: 'cnDropChar', w: 5, stage: 0, ok: (d) => isCnP(d) && [...(d.givenName as string)].length === 2, run: (d, r) => { d.givenName = [...(d.givenName as string)][int(r, 0, 1)]; rename(d); } },
  { name: 'westNickname', w: 15, stage: 0, ok: (d) => isWP(d) && (WEST_FIRST.find((f) => f[0] === d.givenName)?.[2].length ?? 0) > 0, run: (d, r) => { d.givenName = pick(r, WEST_FIRST.find((f) => f[0] === d.givenName)?.[2] ?? []); rename(d); } },
  { name: 'westTypo', w: 12, stage: 0, ok: isWP, run: (d, r) => { if (chance(r, 0.5)) d.familyName = typo(r, d.familyName as string); else d.givenName = typo(r, d.givenName as string); rename(d); } },
  { name: 'marriage', w: 5, stage: 0, ok: (d) => isWP(d) && d.gender === 'female', run: (d, r) => { const old = d.familyName; do d.familyName = weighted(r, WEST_LAST_W); while (d.familyName === old); rename(d); d.keep = true; if (chance(r, 0.5)) d.address = undefined; } },
  { name: 'westInitial', w: 10, stage: 1, ok: isWP, run: (d) => { d.givenName = `${(d.givenName as string)[0]}.`; rename(d); } },
  { name: 'westComma', w: 8, stage: 1, ok: isWP, run: (d) => { d.displayName = `${(d.familyName as string).toUpperCase()}, ${d.givenName}`; } },
  { name: 'westCase', w: 8, stage: 1, ok: isWP, run: (d, r) => { const f = chance(r, 0.6) ? (s: string) => s.toUpperCase() : (s: string) => s.toLowerCase(); d.displayName = f(d.displayName); d.givenName = f(d.givenName as string); d.familyName = f(d.familyName as string); } },
  { name: 'cnTraditional', w: 12, stage: 1, ok: isCnP, run: (d, r) => { d.displayName = toTraditional(d.displayName); d.givenName = toTraditional(d.givenName as string); d.familyName = toTraditional(d.familyName as string); if (d.address && chance(r, 0.5)) d.address.line1 = toTraditional(d.address.line1); } },
  { name: 'cnPinyin', w: 12, stage: 1, ok: isCnP, run: (d, r) => {
    const f = py(d.familyName as string).map(cap).join(''), g = py(d.givenName as string).map(cap).join('');
    d.familyName = f; d.givenName = g;
    d.displayName = pick(r, [`${f} ${g}`, `${g} ${f}`, `${g} ${f}`.toUpperCase(), `${f}${g}`, `${f} ${g}`.toLowerCase(), `${f.toUpperCase()} ${g}`]);
  } },
  { name: 'cnSpace', w: 6, stage: 1, ok: isCnP, run: (d, r) => { d.displayName = `${d.familyName}${pick(r, [' ', '·', '  ', '　'])}${d.givenName}`; } },
  { name: 'cnTitle', w: 5, stage: 1, ok: isCnP, run: (d) => { d.displayName = `${d.familyName}${d.gender === 'male' ? '先生' : '女士'}`; d.givenName = undefined; d.birth = undefined; } },
  { name: 'orgForm', w: 15, stage: 1, ok: (d) => cnOrg(d) && /有限/.test(d.displayName), run: (d, r) => { d.displayName = d.displayName.replace(/(股份|集团)?有限(责任)?公司/, pick(r, ['有限公司', '有限责任公司', '股份有限公司', '公司'])); } },
  { name: 'orgCity', w: 18, stage: 0, ok: (d) => cnOrg(d) && !d.branch, run: (d, r) => {
    const c = d.cnCity as CnCity;
    d.displayName = d.displayName.startsWith(c.short) ? d.displayName.slice(c.short.length) : chance(r, 0.5) ? c.short + d.displayName : d.displayName.replace(d.short as string, `${(d.short as string).slice(0, 2)}(${c.short})${(d.short as string).slice(2)}`);
  } },
  { name: 'orgGroup', w: 5, stage: 0, ok: (d) => cnOrg(d) && !/集团/.test(d.displayName), run: (d) => { d.displayName = d.displayName.replace(/(股份)?有限(责任)?公司/, '(集团)$&'); } },
  { name: 'orgTraditional', w: 6, stage: 2, ok: cnOrg, run: (d) => { d.displayName = toTraditional(d.displayName); } },
  { name: 'orgShort', w: 8, stage: 2, ok: (d) => cnOrg(d) && !d.branch, run: (d) => { d.displayName = d.short as string; } },
  { name: 'orgEnglish', w: 6, stage: 2, ok: (d) => cnOrg(d) && !d.branch && (d.phones.length > 0 || !!d.uscc), run: (d) => { d.displayName = d.english as string; d.keep = true; } },
  { name: 'westForm', w: 18, stage: 1, ok: (d) => wOrg(d) && LEGAL_FORMS.some(([re]) => re.test(d.displayName.replace(/ - .*$/, ''))), run: (d, r) => {
    const [re, alts] = LEGAL_FORMS.find(([x]) => x.test(d.displayName.replace(/ - .*$/, ''))) as [RegExp, string[]];
    d.displayName = d.displayName.replace(/^(.*?)( - .*)?$/, (_m, head: string, tail?: string) => head.replace(re, pick(r, alts)) + (tail ?? ''));
  } },
  { name: 'westAmp', w: 6, stage: 1, ok: (d) => wOrg(d) && d.displayName.includes(' & '), run: (d) => { d.displayName = d.displayName.replace(' & ', ' and '); } },
  { name: 'westOrgCase', w: 6, stage: 2, ok: wOrg, run: (d) => { d.displayName = d.displayName.toUpperCase(); } },
  { name: 'westOrgTypo', w: 8, stage: 1, ok: wOrg, run: (d, r) => { d.displayName = typo(r, d.displayName); } },
  // contacts
  { name: 'phoneFormat', w: 20, stage: 3, ok: (d) => d.phones.length > 0, run: (d, r) => { const i = int(r, 0, d.phones.length - 1); d.phoneStyles[i] = int(r, 0, formatsOf(d.phones[i] as Phone).length - 1); } },
  { name: 'phoneChanged', w: 8, stage: 3, ok: (d) => d.phones.length > 0 && !d.keep, run: (d, r, w) => { const p = d.phones[0] as Phone; d.phones[0] = p.cc === '86' ? (p.kind === 'mobile' ? cnMobile(r) : cnLandline(r, d.cnCity ?? w.cnCity())) : d.westCity ? westPhone(r, d.westCity, p.kind) : { ...p, sub: p.sub.slice(0, 1) + digits(r, p.sub.length - 1) }; } },
  { name: 'phoneTypo', w: 5, stage: 3, ok: (d) => d.phones.length > 0 && !d.keep, run: (d, r) => { const p = d.phones[0] as Phone; const i = int(r, 3, p.sub.length - 1); p.sub = p.sub.slice(0, i) + String((Number(p.sub[i]) + int(r, 1, 9)) % 10) + p.sub.slice(i + 1); } },
  { name: 'emailCase', w: 6, stage: 3, ok: (d) => d.emails.length > 0, run: (d, r) => { const e = d.emails[0] as string; d.emails[0] = chance(r, 0.5) ? e.toUpperCase() : e.replace(/^./, (c) => c.toUpperCase()).replace(/\.(\w)/, (_m, c: string) => `.${c.toUpperCase()}`); } },
  { name: 'emailSecond', w: 5, stage: 3, ok: (d) => d.kind === 'person', run: (d, r) => { d.emails.push(personalEmail(r, d)); } },
  { name: 'emailDropped', w: 10, stage: 3, ok: (d) => d.emails.length > 0 && d.phones.length > 0 && !d.keep, run: (d) => { d.emails = []; } },
  { name: 'addrCityPostal', w: 5, stage: 3, ok: (d) => !!d.address?.city, run: (d) => { const a = d.address as Addr; d.address = { country: a.country, city: a.city, line1: a.city as string, ...(a.postalCode && { postalCode: a.postalCode }) }; } },
  { name: 'addrCityDistrict', w: 5, stage: 3, ok: (d) => !!d.address?.district, run: (d) => { const a = d.address as Addr; d.address = { country: a.country, city: a.city, district: a.district, line1: `${a.city}${a.district}` }; } },
  { name: 'addrNumerals', w: 5, stage: 3, ok: (d) => d.address?.country === 'CN' && /\d/.test(d.address.line1), run: (d, r) => { const a = d.address as Addr; const nums = a.line1.match(/\d+/g) ?? []; const n = pick(r, nums); a.line1 = a.line1.replace(n, cnNumber(Number(n))); } },
  { name: 'addrProvince', w: 6, stage: 3, ok: (d) => d.address?.country === 'CN' && !!d.cnCity && d.cnCity.province !== d.cnCity.city, run: (d, r) => { const a = d.address as Addr; const c = d.cnCity as CnCity; if (chance(r, 0.5)) a.city = c.province + c.city; else { a.line1 = `${c.province}${c.city}${a.district ?? ''}${a.line1}`; } } },
  { name: 'addrNoPostal', w: 5, stage: 3, ok: (d) => !!d.address?.postalCode, run: (d) => { delete (d.address as Addr).postalCode; } },
  { name: 'addrPostalDigit', w: 3, stage: 3, ok: (d) => d.address?.country === 'CN' && !!d.address.postalCode, run: (d, r) => { const a = d.address as Addr; const p = a.postalCode as string; const i = int(r, 3, 5); a.postalCode = p.slice(0, i) + String((Number(p[i]) + int(r, 1, 9)) % 10) + p.slice(i + 1); } },
  { name: 'addrAbbrev', w: 10, stage: 3, ok: (d) => !!d.address && d.address.country !== 'CN' && /\d/.test(d.address.line1), run: (d, r) => {
    const a = d.address as Addr;
    a.line1 = a.line1.replace(/straße /, chance(r, 0.5) ? 'str. ' : 'strasse ');
    for (const [full, ab] of STREET_TYPES) a.line1 = a.line1.replace(new RegExp(` ${full}$`), ` ${chance(r, 0.3) ? ab.replace('.', '') : ab}`);
    if (a.line2) { const u = a.line2.replace('Apartment', 'Apt').replace('Suite', 'Ste'); delete a.line2; a.line1 = chance(r, 0.5) ? `${u}, ${a.line1}` : `${a.line1} ${u.replace(/^\w+ /, '#')}`; }
  } },
  { name: 'addrMoved', w: 4, stage: 3, ok: (d) => !!d.address && d.kind === 'person' && !d.keep, run: (d, r, w) => { d.address = d.culture === 'cn' ? cnAddress(r, chance(r, 0.7) && d.cnCity ? d.cnCity : w.cnCity(), false) : westAddress(r, chance(r, 0.7) && d.westCity ? d.westCity : w.westCity(false, false, d.address?.country), false); } },
  { name: 'addrTraditionalNo', w: 3, stage: 3, ok: (d) => d.address?.country === 'CN' && d.address.line1.includes('号'), run: (d) => { const a = d.address as Addr; a.line1 = a.line1.replace(/号/g, '號'); } },
  { name: 'birthMissing', w: 10, stage: 3, ok: (d) => !!d.birth, run: (d) => { d.birth = undefined; } },
  { name: 'birthSwap', w: 4, stage: 3, ok: (d) => !!d.birth && d.birth.getUTCDate() <= 12 && d.birth.getUTCDate() !== d.birth.getUTCMonth() + 1, run: (d) => { const b = d.birth as Date; d.birth = new Date(Date.UTC(b.getUTCFullYear(), b.getUTCDate() - 1, b.getUTCMonth() + 1)); } },
  { name: 'birthDigit', w: 3, stage: 3, ok: (d) => !!d.birth, run: (d, r) => {
    const b = d.birth as Date; const y = b.getUTCFullYear(), m = b.getUTCMonth(), day = b.getUTCDate();
    d.birth = chance(r, 0.5) ? new Date(Date.UTC(y - (y % 10) + ((y % 10) + int(r, 1, 9)) % 10, m, day)) : new Date(Date.UTC(y, m, day % 10 === 9 ? day - 1 : day >= 20 ? day - 10 : day + 10));
  } },
];

// ---- records ---------------------------------------------------------------------------------
/** Which fields one registration kept (every record, including the first). */
function registration(e: Draft, r: Rng): Draft {
  const d = clone(e);
  const person = d.kind === 'person';
  d.phones = d.phones.filter((p, i) => (i === 0 ? chance(r, person ? (p.kind === 'mobile' ? 0.85 : 0.7) : 0.85) : chance(r, 0.6)));
  if (!chance(r, person ? 0.6 : 0.5)) d.emails = d.emails.slice(0, 0);
  if (!chance(r, person ? 0.55 : 0.7)) d.address = undefined;
  if (!chance(r, 0.45)) d.birth = undefined;
  if (!chance(r, 0.6)) d.memberNo = undefined;
  if (d.uscc && !chance(r, 0.7)) d.uscc = undefined;
  if (d.phones.length === 0 && d.emails.length === 0) { if (e.phones[0]) d.phones = [{ ...e.phones[0] }]; else if (e.emails[0]) d.emails = [e.emails[0]]; }
  d.phoneStyles = d.phones.map((p) => (p.cc === '86' ? (chance(r, p.kind === 'mobile' ? 0.55 : 0.35) ? (p.kind === 'mobile' ? 0 : 1) : p.kind === 'mobile' ? 1 : 0) : pick(r, [0, 0, 2])));
  return d;
}
function damage(d: Draft, r: Rng, w: World): void {
  const k = weighted(r, [[1, 50], [2, 35], [3, 15]] as const);
  const chosen: Damage[] = [];
  for (let i = 0; i < k; i++) {
    const open = DAMAGES.filter((x) => !chosen.includes(x) && x.ok(d));
    if (open.length === 0) break;
    chosen.push(weighted(r, open.map((x) => [x, x.w] as const)));
  }
  const formatGroup = ['cnTraditional', 'cnPinyin', 'cnSpace', 'cnTitle', 'westComma', 'westCase', 'westInitial', 'orgTraditional', 'orgShort', 'orgEnglish', 'westOrgCase'];
  let format = false;
  for (const x of chosen.sort((a, b) => a.stage - b.stage)) {
    if (formatGroup.includes(x.name)) { if (format) continue; format = true; }
    if (x.ok(d)) x.run(d, r, w);
  }
  if (d.keep && d.phones.length === 0 && !d.uscc) d.displayName = d.short ?? d.displayName;
}
function toCustomer(d: Draft, id: string, r: Rng): Customer {
  const at = randomDate(r, 2018, 2025);
  const cps: ContactPoint[] = [
    ...d.phones.map((p, i): ContactPoint => ({ type: 'phone', value: (formatsOf(p)[d.phoneStyles[i] ?? 0] as Fmt)(p.area, p.sub), ...(i === 0 && { primary: true }) })),
    ...d.emails.map((e): ContactPoint => ({ type: 'email', value: e })),
    ...(d.address ? [{ type: 'address', ...d.address } as ContactPoint] : []),
  ];
  const structured = chance(r, 0.6);
  return {
    id, kind: d.kind, displayName: d.displayName.trim() || d.displayName, contactPoints: cps, tags: [],
    attributes: d.memberNo ? { memberNo: d.memberNo } : {}, externalIds: {}, source: pick(r, ['web', 'store', 'import', 'trade show', 'referral', 'wechat']),
    lifecycleStage: pick(r, ['lead', 'prospect', 'customer']), consent: {}, createdAt: at, updatedAt: at, version: 1,
    ...(d.kind === 'person' && { person: { ...(structured && d.givenName && { givenName: d.givenName }), ...(structured && d.familyName && { familyName: d.familyName }),
      ...(d.gender && chance(r, 0.5) && { gender: d.gender }), ...(d.birth && { birthDate: d.birth }) } }),
    ...(d.kind === 'organization' && { organization: { legalName: d.displayName, type: 'enterprise' as const, departments: [], contacts: [],
      ...(d.uscc && { uscc: d.uscc }), ...(d.industry && chance(r, 0.5) && { industry: d.industry }) } }),
  };
}

/**
 * Makes about `count` real-world entities and their records (see the file header for the mix).
 *
 * @returns the shuffled records and, for every entity with more than one record, its record ids
 */
export function independentCustomers(count: number, seed: number): { customers: Customer[]; clusters: string[][] } {
  const r = mulberry32(seed);
  const w = new World(r);
  while (w.entities.length < count) {
    if (chance(r, 0.75)) {
      const cn = chance(r, 0.65), x = r();
      if (x < 0.09) w.household(cn);
      else if (x < 0.102) w.twins(cn);
      else if (x < 0.162) w.colleagues();
      else w.entities.push(w.person(cn, chance(r, 0.5) ? 'male' : 'female'));
    } else w.organization();
  }
  const drafts: { d: Draft; entity: number }[] = [];
  w.entities.forEach((e, entity) => {
    const copies = chance(r, 0.3) ? weighted(r, [[1, 60], [2, 28], [3, 12]] as const) : 0;
    for (let i = 0; i <= copies; i++) {
      const d = registration(e, r);
      if (i > 0) damage(d, r, w);
      drafts.push({ d, entity });
    }
  });
  for (let i = drafts.length - 1; i > 0; i--) { const j = int(r, 0, i); [drafts[i], drafts[j]] = [drafts[j] as (typeof drafts)[number], drafts[i] as (typeof drafts)[number]]; }
  const byEntity = new Map<number, string[]>();
  const customers = drafts.map(({ d, entity }, i) => {
    const id = `ind-${String(i + 1).padStart(6, '0')}`;
    byEntity.set(entity, [...(byEntity.get(entity) ?? []), id]);
    return toCustomer(d, id, r);
  });
  return { customers, clusters: [...byEntity.values()].filter((ids) => ids.length > 1) };
}
