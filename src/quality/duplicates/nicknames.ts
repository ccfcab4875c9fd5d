import { NICKNAME_RELATIONS } from './data/nicknames';

// English given names and the nicknames and short forms registration forms carry instead of them,
// written out from common usage (Bill/William, Peggy/Margaret, Bob/Robert, Artie/Arthur), with the
// usual spellings of each (Willie, Bobbie, Tommie). Forms of one name in other languages (Jean,
// Sean, Ian for John) are not nicknames: a person is rarely registered under both. A name may belong to
// several groups (Chris: Christopher and Christine). Lower case, as after normalizeName.
const GROUPS = [
  'william bill billy will willy willie liam', 'robert bob bobby bobbie rob robbie robby bert', 'richard dick rick ricky rich richie ritchie richey',
  'margaret peggy maggie meg marge margie greta', 'elizabeth liz lizzie beth betty betsy eliza libby bess lisa',
  'james jim jimmy jimmie jamie', 'john jack johnny johnnie jon', 'jonathan jon jonny', 'michael mike mikey mick mickey',
  'joseph joe joey', 'thomas tom tommy tommie', 'charles charlie chuck chas', 'edward ed eddie eddy ted teddy ned',
  'henry harry hank', 'harold harry hal', 'anthony tony', 'andrew andy drew', 'daniel dan danny',
  'matthew matt matty', 'christopher chris kit', 'christine chris chrissy tina', 'christina chris tina',
  'nicholas nick nicky', 'samuel sam sammy', 'samantha sam sammy', 'alexander alex al sandy', 'alexandra alex sandra sandy lexi',
  'benjamin ben benny', 'stephen steve stevie', 'steven steve stevie', 'timothy tim timmy', 'patrick pat paddy',
  'patricia pat patty trish tricia', 'peter pete', 'david dave davey', 'donald don donny', 'ronald ron ronnie',
  'kenneth ken kenny', 'lawrence larry', 'raymond ray', 'gerald gerry jerry', 'gregory greg', 'jeffrey jeff',
  'joshua josh', 'zachary zach zack', 'frederick fred freddie', 'francis frank', 'franklin frank', 'arthur art',
  'albert al bert bertie', 'alfred alf alfie', 'leonard leo len lenny', 'philip phil', 'phillip phil', 'walter walt wally',
  'eugene gene', 'vincent vince vinny', 'victoria vicky tori', 'katherine kate kathy katie kat kitty',
  'catherine cathy kate katie', 'kathleen kathy kate', 'susan sue susie suzy', 'deborah debbie deb debra',
  'rebecca becky becca', 'jennifer jen jenny', 'jessica jess jessie', 'barbara barb babs', 'dorothy dot dottie dolly',
  'abigail abby gail', 'amanda mandy', 'pamela pam', 'cynthia cindy', 'judith judy', 'frances fran frankie fanny',
  'jacqueline jackie', 'theresa terry terri teri tess', 'teresa terry terri teri tess', 'evelyn evie eve', 'melissa mel missy', 'melanie mel',
  'kimberly kim', 'nancy nan', 'ann anne annie nancy', 'anna annie', 'helen nell nellie', 'eleanor ellie nell nora',
  'mary molly polly mae', 'sarah sara sally', 'caroline carol carrie', 'carolyn carol carrie', 'virginia ginny',
  'angela angie', 'josephine jo josie', 'joanne jo', 'natalie nat', 'nathaniel nat nate', 'nathan nate',
  'jacob jake', 'isabella bella izzy', 'isabel bella izzy', 'gabriel gabe', 'gabrielle gabby', 'oliver ollie',
  'olivia liv livvy', 'madeline maddie', 'madison maddie', 'lachlan lachie', 'mitchell mitch', 'douglas doug',
  'russell russ', 'terence terry', 'bradley brad', 'cameron cam', 'benedict ben', 'maximilian max', 'maxwell max',
  'sebastian seb', 'tobias toby', 'rachel rach', 'jasmine jas', 'emily em emmy', 'emma em', 'charlotte charlie lottie',
  'arthur art artie', 'herbert herb herbie bert', 'ernest ernie', 'archibald archie', 'edmund ed eddie ned', 'hugh huey hughie',
  'percival percy', 'reginald reg reggie', 'bernard bernie', 'clifford cliff', 'stanley stan', 'leslie les', 'sidney sid',
  'sydney sid', 'gilbert gil bert', 'augustus gus', 'montague monty', 'norman norm', 'theodore theo ted teddy',
  'wilfred wilf fred', 'agnes aggie nessie', 'harriet hattie', 'henrietta etta hettie', 'gertrude gertie trudy',
  'florence flo florrie', 'mildred millie', 'millicent millie', 'matilda tilly tilda', 'winifred winnie', 'jane jenny jennie',
  'louisa lou', 'louise lou', 'susanna sue susie', 'susannah sue susie',
];

let groupsOf: Map<string, number[]> | undefined;
let relatedTo: Map<string, ReadonlySet<string>> | undefined;

// Relations of the public list left out, as the note above says: another language's form of a
// name (Ian is John in Scottish Gaelic), which a father and son sharing a landline may well be.
const NOT_NICKNAMES: ReadonlySet<string> = new Set(['john ian', 'ian john']);

/**
 * Each name of the public list (data/nicknames.ts) with the names it is directly related to, in
 * both directions: `nicole` with `nikki`, and `nikki` with `nicole`. Only direct relations: two
 * nicknames of one name there are not read as one another's (`ron` and `erin` are both Aaron's).
 */
function buildRelations(): Map<string, ReadonlySet<string>> {
  const map = new Map<string, Set<string>>();
  const relate = (x: string, y: string) => {
    if (NOT_NICKNAMES.has(`${x} ${y}`)) return;
    const set = map.get(x);
    if (set) set.add(y);
    else map.set(x, new Set([y]));
  };
  for (const entry of NICKNAME_RELATIONS.split('|')) {
    const colon = entry.indexOf(':');
    const name = entry.slice(0, colon);
    for (const nickname of entry.slice(colon + 1).split(' ')) {
      relate(name, nickname);
      relate(nickname, name);
    }
  }
  return map;
}

function build(): Map<string, number[]> {
  const map = new Map<string, number[]>();
  GROUPS.forEach((group, g) => {
    for (const name of group.split(' ')) {
      const list = map.get(name);
      if (list) list.push(g);
      else map.set(name, [g]);
    }
  });
  return map;
}

/**
 * Whether two different lower-case given names are a name and its nickname: two names of one of
 * the groups above (two nicknames of one name included), or a name and a nickname the public list
 * relates directly (`nicole` / `nikki`, `teresa` / `tess`).
 */
export function areNicknames(a: string, b: string): boolean {
  groupsOf ??= build();
  const ga = groupsOf.get(a);
  const gb = groupsOf.get(b);
  if (ga && gb) for (const x of ga) if (gb.includes(x)) return true;
  relatedTo ??= buildRelations();
  return relatedTo.get(a)?.has(b) ?? false;
}
