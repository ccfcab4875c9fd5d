// Name and place pools for the synthetic generator. Surnames are the most common mainland surnames
// (Ministry of Public Security household-register ranking), given-name characters are common ones.
export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];

export const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽峰浩鹏宇辉斌波志文'];

export const ORG_WORDS = [...'华星科创新智联恒信达通瑞丰泰盛安宏远鼎嘉诚博汇昌隆兴源德海天'];
export const ORG_TRADES = ['科技', '贸易', '电子', '信息技术', '实业', '医疗器械', '物流', '建设工程', '食品', '文化传媒'];
export const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '重庆', '苏州', '天津'];

/** Traditional forms of some surnames in {@link SURNAMES}, to corrupt with. */
export const TRADITIONAL: Readonly<Record<string, string>> = {
  陈: '陳', 刘: '劉', 杨: '楊', 黄: '黃', 赵: '趙', 吴: '吳', 孙: '孫', 马: '馬', 许: '許', 郑: '鄭', 谢: '謝',
  韩: '韓', 冯: '馮', 邓: '鄧', 叶: '葉', 吕: '呂', 苏: '蘇', 卢: '盧', 蒋: '蔣', 贾: '賈', 钱: '錢', 汤: '湯',
  陆: '陸', 龙: '龍', 万: '萬', 顾: '顧', 谭: '譚', 钟: '鍾', 严: '嚴',
};

/** Traditional forms of some given-name characters in {@link GIVEN}, written out by hand (not from the matcher's OpenCC table). */
export const TRADITIONAL_GIVEN: Readonly<Record<string, string>> = {
  伟: '偉', 丽: '麗', 红: '紅', 华: '華', 兰: '蘭', 凤: '鳳', 云: '雲', 莲: '蓮', 荣: '榮', 爱: '愛', 玲: '玲', 娟: '娟', 涛: '濤',
  军: '軍', 艳: '艷', 刚: '剛', 凯: '凱', 东: '東', 龙: '龍', 飞: '飛', 鹏: '鵬', 辉: '輝', 杰: '傑', 宁: '寧', 颖: '穎', 岚: '嵐',
};
