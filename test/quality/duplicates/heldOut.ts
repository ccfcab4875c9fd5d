import type { Customer } from 'crmkit';
import { person } from '../helpers';

// A held-out check written by hand, not by the matcher's normalisers or the synthetic generator:
// each row is a record as a clerk or a web form might have typed it, grouped by the real person
// (the first column). The damage follows patterns seen in real CRM exports: traditional characters
// typed on a Hong Kong or Taiwan keyboard, pinyin in either order, a given-name character dropped
// or replaced by a homophone, Western initials, nicknames and `SURNAME, Given`, a phone changed
// between registrations, an address with no street line, a member number mistyped by one digit.
// Hard negatives sit beside them: relatives sharing a landline and an address, colleagues sharing
// a switchboard, twins, and several different people called 张伟, 王秀英 and John Smith.
// Columns: person | name | phone | email | city | district | street | postal code | birth date | member no.
const ROWS = `
p01|陈小明|13812345678|xm.chen@example.cn|杭州市|西湖区|文三路90号|310012|1985-03-02|M1001
p01|陳曉明|13812345678||杭州|西湖|文三路90號|310012|1985-03-02|
p01|Chen Xiaoming|+86 138 1234 5678|XM.Chen@example.cn||||||M1001
p02|王秀英|057188001234||杭州市|上城区|解放路12号|310002|1952-11-20|
p03|王建国|057188001234||杭州市|上城区|解放路12号|310002|1950-07-01|M2002
p03|王建國|0571-8800-1234||杭州|上城|解放路12号|310002|1950-07-01|M2002
p04|王建军|057188001234||杭州市|上城区|解放路12号|310002|1978-02-14|
p05|张伟|13900001111|zhangwei@example.cn|北京市|海淀区|中关村大街1号|100080|1990-01-15|
p05|張偉|13900001111||北京|海淀|||1990-01-15|
p05|Zhang Wei|13900001111|||||100080||
p06|张伟|13700002222||上海市|浦东新区|世纪大道100号|200120|1988-06-30|
p07|张伟|13600003333||广州市|天河区|天河路385号|510620|1979-12-01|
p08|张玮|13500004444||北京市|朝阳区|建国路88号|100022|1992-04-18|
p09|李娜|18600005555|lina@example.cn|成都市|武侯区|人民南路四段1号|610041|1982-02-26|M3003
p09|李娜|18600005566|lina@example.cn|成都|武侯|||1982-02-26|M3008
p10|欧阳娜娜|15900006666||台北市|大安区|忠孝东路四段1号|106|1997-06-15|
p10|歐陽 娜娜|15900006666||台北|大安|忠孝東路四段1號|106||
p11|阿卜杜拉·买买提|13999887766||乌鲁木齐市|天山区|解放北路1号|830002|1975-09-09|
p11|阿卜杜拉 买买提|13999887766||乌鲁木齐|天山|||1975-09-09|
p12|刘洋|13811112222|liuyang@example.cn|深圳市|南山区|科技园1号|518057|1991-08-08|
p12|刘阳|13811112223|liuyang@example.cn|深圳市|南山区|科技园1号|518057|1991-08-08|
p13|陈静|13811112222||深圳市|南山区|科技园1号|518057|1993-03-03|
p14|赵敏|02161234567||上海市|徐汇区|漕溪北路18号|200030|1986-05-05|
p15|钱伟|02161234567||上海市|徐汇区|漕溪北路18号|200030|1984-10-10|
p16|孙丽|13312345678||南京市|鼓楼区|中山路1号|210008|1995-07-07|
p16|孙莉|13312345678||南京市|鼓楼区|中山北路1号|210008|1995-07-07|
p18|孙美|13312349999||南京市|鼓楼区|中山路1号|210008|1995-07-07|
p19|王秀英|13100001111||郑州市|金水区|花园路1号|450003|1960-01-01|
p20|王秀英|13100002222||郑州市|二七区|大学路1号|450052|1948-03-12|
p21|Sandra Walker|+61 2 9876 5432|sandra.walker@example.com|Sydney|Surry Hills|12 Crown Street|2010|1980-04-12|
p21|WALKER, Sandra|+61 2 9876 5432||Sydney||12 Crown St|2010|1980-04-12|
p21|S. Walker||sandra.walker@example.com|Sydney|Surry Hills||2010||
p22|Michael Walker|+61 2 9876 5432||Sydney|Surry Hills|12 Crown Street|2010|1978-09-30|
p23|William Clinton|+1 501 555 0101|bill.c@example.com|Little Rock||1200 President Clinton Ave|72201|1946-08-19|
p23|Bill Clinton|+1 501 555 0101||Little Rock||1200 President Clinton Avenue|72201|1946-08-19|
p24|Margaret Olson|+1 212 555 0199|peggy@example.com|New York||375 Park Ave|10152|1940-05-05|
p24|Peggy Olson|+1 212 555 0188|peggy@example.com|New York||375 Park Avenue|10152|1940-05-05|
p25|John Smith|+1 312 555 0111||Chicago||100 Main Street|60601|1970-01-01|
p26|John Smith|+1 415 555 0122||San Francisco||200 Market Street|94105|1982-02-02|
p27|John Smith|+1 312 555 0133||Chicago||300 State Street|60602|1975-03-03|
p28|Jon Smyth|+1 617 555 0144|jon.smyth@example.com|Boston||1 Beacon Street|02108|1968-06-06|
p28|John Smyth|+1 617 555 0144|Jon.Smyth@example.com|Boston||1 Beacon St|02108||
p29|Robert Brown|+44 20 7946 0011|rbrown@example.co.uk|London|Camden|10 High Street|NW1 0AA|1965-11-11|M4004
p29|Bob Brown|+44 20 7946 0099||London|Camden|10 High St.|NW1 0AA|1965-11-11|M4004
p30|Mary Brown|+44 20 7946 0011||London|Camden|10 High Street|NW1 0AA|1967-12-12|
p31|Elizabeth Taylor|+1 310 555 0155|liz@example.com|Los Angeles||1 Sunset Blvd|90028|1932-02-27|
p31|Liz Taylor|+1 310 555 0166|liz@example.com|Los Angeles||||90028|1932-02-27|
p32|Wei Zhang|+1 408 555 0177|wzhang@example.com|San Jose||1 Tech Way|95110|1987-07-17|
p32|ZHANG, Wei|+1 408 555 0177||San Jose||1 Tech Way|95110|1987-07-17|
p33|黄晓东|13912340001||重庆市|渝中区|解放碑1号|400010|1983-08-03|M5005
p33|黄东|13912340001||重庆|渝中|||1983-08-03|M5005
p34|黄晓南|13912340002||重庆市|渝中区|解放碑1号|400010|1986-01-01|
p35|周杰|13012345678|zhoujie@example.cn|长沙市|岳麓区|麓山南路2号|410082|1979-01-18|
p35|週杰|13012345679|zhoujie@example.cn|长沙市|岳麓区|麓山南路2号|410082|1979-01-18|
p36|马云飞|18912345678||西安市|雁塔区|长安南路1号|710061|1989-09-10|M6006
p36|馬雲飛|18912345678||西安|雁塔|長安南路1號|710061|1989-09-01|M6006
p37|马云|18912345000||西安市|雁塔区|长安南路1号|710061|1964-09-10|
p38|Anna Müller|+49 30 1234567|anna.mueller@example.de|Berlin|Mitte|Unter den Linden 1|10117|1990-10-03|
p38|MÜLLER, Anna|+49 30 1234567||Berlin||Unter den Linden 1|10117|1990-10-03|
p39|Thomas Müller|+49 30 1234567||Berlin|Mitte|Unter den Linden 1|10117|1989-09-13|
p40|林志玲|0287654321||台北市|信义区|信义路五段7号|110|1974-11-29|
p40|Lin Chi-ling|+886 2 8765 4321|||||110|1974-11-29|
`;

/** The held-out records and their truth clusters (people with more than one record). */
export function heldOutPairs(): { customers: Customer[]; clusters: string[][] } {
  const customers: Customer[] = [];
  const groups = new Map<string, string[]>();
  ROWS.trim().split('\n').forEach((row, i) => {
    const [who, name, phone, email, city, district, street, postal, birth, member] = row.split('|') as string[];
    const id = `h${String(i).padStart(3, '0')}`;
    const country = /^\+(1|44|49|61|886) /.test(phone as string) ? ({ '1': 'US', '44': 'GB', '49': 'DE', '61': 'AU', '886': 'TW' } as Record<string, string>)[(phone as string).slice(1).split(' ')[0] as string] : 'CN';
    const points: Customer['contactPoints'] = [];
    if (phone) points.push({ type: 'phone', value: phone });
    if (email) points.push({ type: 'email', value: email });
    if (city || district || street || postal) {
      points.push({ type: 'address', country: country as string, line1: street || '-', ...(city && { city }), ...(district && { district }), ...(postal && { postalCode: postal }) });
    }
    customers.push(
      person(id, name as string, {
        contactPoints: points,
        ...(birth && { person: { birthDate: new Date(`${birth}T00:00:00Z`) } }),
        attributes: member ? { memberNo: member } : {},
      }),
    );
    const g = groups.get(who as string);
    if (g) g.push(id);
    else groups.set(who as string, [id]);
  });
  return { customers, clusters: [...groups.values()].filter((g) => g.length > 1) };
}
