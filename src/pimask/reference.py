"""Reference tables used by validators (hard rules) and generalizers (labels).

Kept as plain data, each table citing its source, so a table update is a data change.
Registry-style data (carrier segments, BIN prefixes) may move a score or provide a label;
only the rules of DESIGN §3 may reject a candidate.
"""

from __future__ import annotations

# GB/T 2260 province-level codes (first two digits of a resident ID), with names used by
# the `generalize` operator. 71 Taiwan, 81 Hong Kong, 82 Macao, 83 Taiwan residence permits.
PROVINCES: dict[str, str] = {
    "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古",
    "21": "辽宁", "22": "吉林", "23": "黑龙江",
    "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽",
    "35": "福建", "36": "江西", "37": "山东",
    "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
    "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏",
    "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆",
    "71": "台湾", "81": "香港", "82": "澳门", "83": "台湾",
}  # fmt: skip

# Mainland mobile number segments (MIIT allocations, 11-digit numbers only; 140-144 are
# 13-digit IoT numbers and are not mobiles). Value: carrier, for generalization.
MOBILE_SEGMENTS: dict[str, str] = {}
for _seg in (
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "147",
    "148",
    "150",
    "151",
    "152",
    "157",
    "158",
    "159",
    "165",
    "172",
    "178",
    "182",
    "183",
    "184",
    "187",
    "188",
    "195",
    "197",
    "198",
):
    MOBILE_SEGMENTS[_seg] = "中国移动"
for _seg in (
    "130",
    "131",
    "132",
    "145",
    "146",
    "155",
    "156",
    "166",
    "167",
    "171",
    "175",
    "176",
    "185",
    "186",
    "196",
):
    MOBILE_SEGMENTS[_seg] = "中国联通"
for _seg in (
    "133",
    "149",
    "153",
    "162",
    "173",
    "174",
    "177",
    "180",
    "181",
    "189",
    "190",
    "191",
    "193",
    "199",
):
    MOBILE_SEGMENTS[_seg] = "中国电信"
MOBILE_SEGMENTS["192"] = "中国广电"
MOBILE_SEGMENTS["170"] = "虚拟运营商"

# Plausible issuer identification number prefixes (ISO/IEC 7812) and the lengths each
# network issues. Longest prefix wins. UnionPay cards are 16-19 digits; old domestic debit
# cards (e.g. 9558 ICBC) are 19 digits.
CARD_NETWORKS: tuple[tuple[str, str, frozenset[int]], ...] = (
    ("62", "UnionPay", frozenset(range(16, 20))),
    ("81", "UnionPay", frozenset(range(16, 20))),
    ("60", "UnionPay/Discover", frozenset(range(16, 20))),
    ("9558", "ICBC domestic", frozenset({19})),
    ("9559", "ABC domestic", frozenset({19})),
    ("4", "Visa", frozenset({13, 16, 19})),
    ("34", "American Express", frozenset({15})),
    ("37", "American Express", frozenset({15})),
    ("35", "JCB", frozenset(range(16, 20))),
    ("36", "Diners Club", frozenset(range(14, 20))),
    ("30", "Diners Club", frozenset(range(14, 20))),
    ("38", "Diners Club", frozenset(range(14, 20))),
    ("65", "Discover", frozenset(range(16, 20))),
    ("64", "Discover", frozenset(range(16, 20))),
    *((str(p), "Mastercard", frozenset({16})) for p in range(51, 56)),
    *((str(p), "Mastercard", frozenset({16})) for p in range(22, 28)),
)

# Chinese bank BIN prefixes (6 digits) -> issuer, for `generalize` and soft scoring.
# A small, well-known subset; absence never rejects a card.
CN_BINS: dict[str, str] = {
    "622202": "中国工商银行", "621226": "中国工商银行", "622208": "中国工商银行",
    "621700": "中国建设银行", "622700": "中国建设银行", "436742": "中国建设银行",
    "622848": "中国农业银行", "622845": "中国农业银行", "622846": "中国农业银行",
    "621661": "中国银行", "621660": "中国银行", "456351": "中国银行",
    "622588": "招商银行", "621483": "招商银行", "622580": "招商银行",
    "622262": "交通银行", "622260": "交通银行",
    "621799": "中国邮政储蓄银行", "622188": "中国邮政储蓄银行",
    "622908": "兴业银行", "622909": "兴业银行",
    "622690": "中信银行", "622696": "中信银行",
    "622622": "中国民生银行", "622615": "中国民生银行",
    "622155": "平安银行", "622156": "平安银行",
}  # fmt: skip

# IMEI reporting body identifiers (first two digits of the TAC); soft evidence only.
IMEI_REPORTING_BODIES: frozenset[str] = frozenset(
    {"01", "10", "30", "33", "35", "44", "45", "49", "50", "51", "52", "53", "54", "86", "91",
     "98", "99"}
)  # fmt: skip

# Top-level domains accepted without being ASCII (IDN TLDs common in Chinese text).
IDN_TLDS: frozenset[str] = frozenset(
    {"中国", "中國", "公司", "网络", "網絡", "在线", "网址", "网店", "集团", "香港", "台湾", "台灣",
     "商城", "商店", "移动", "中文网", "信息", "企业", "游戏", "娱乐", "广东", "佛山", "手机"}
)  # fmt: skip

# IMSI mobile network codes of MCC 460 (mainland China), ITU-T E.212 assignments, with the
# operator for `generalize`. An IMSI is 460 + one of these MNCs + a 10-digit MSIN.
IMSI_MCC = "460"
IMSI_MNCS: dict[str, str] = {
    "00": "中国移动", "01": "中国联通", "02": "中国移动", "03": "中国电信", "04": "中国移动",
    "05": "中国电信", "06": "中国联通", "07": "中国移动", "08": "中国移动", "09": "中国联通",
    "11": "中国电信", "15": "中国广电", "20": "中国铁通",
}  # fmt: skip

# GB 32100-2015 统一社会信用代码: the registration authority (first character) and the
# organisation types it registers (second character). A code whose first two characters are
# not in this table was not issued under the standard. 1 机构编制, 2 外交, 3 司法行政, 4 文化,
# 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (市场监管), A 军队编制, N 农业农村, Y 其他.
USCC_TYPES: frozenset[str] = frozenset(
    {"11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39", "41", "49",
     "51", "52", "53", "59", "61", "62", "69", "71", "72", "79", "81", "89", "91", "92", "93",
     "A1", "A9", "N1", "N2", "N3", "N9", "Y1"}
)  # fmt: skip

# Mainland long-distance area codes (长途区号, with the leading 0), MIIT numbering plan, as in
# force after the mergers of 2007-2019 (湘潭/株洲 into 0731, 莱芜 into 0531 are gone), with
# the city for `generalize`. Codes starting 01/02 are three characters (010, 020-029) and
# take 8-digit local numbers; the rest are four characters and take 7 or 8 digits. A
# landline's area code must be one of these: 0123, 0260 or 0600 are not numbers at all.
# (0999 is real: 伊犁.)
CN_AREA_CODES: dict[str, str] = {
    "010": "北京", "020": "广州", "021": "上海", "022": "天津", "023": "重庆", "024": "沈阳",
    "025": "南京", "027": "武汉", "028": "成都", "029": "西安",
    # 河北
    "0310": "邯郸", "0311": "石家庄", "0312": "保定", "0313": "张家口", "0314": "承德",
    "0315": "唐山", "0316": "廊坊", "0317": "沧州", "0318": "衡水", "0319": "邢台",
    "0335": "秦皇岛",
    # 山西
    "0349": "朔州", "0350": "忻州", "0351": "太原", "0352": "大同", "0353": "阳泉",
    "0354": "晋中", "0355": "长治", "0356": "晋城", "0357": "临汾", "0358": "吕梁",
    "0359": "运城",
    # 河南
    "0370": "商丘", "0371": "郑州", "0372": "安阳", "0373": "新乡", "0374": "许昌",
    "0375": "平顶山", "0376": "信阳", "0377": "南阳", "0378": "开封", "0379": "洛阳",
    "0391": "焦作", "0392": "鹤壁", "0393": "濮阳", "0394": "周口", "0395": "漯河",
    "0396": "驻马店", "0398": "三门峡",
    # 辽宁
    "0410": "铁岭", "0411": "大连", "0412": "鞍山", "0413": "抚顺", "0414": "本溪",
    "0415": "丹东", "0416": "锦州", "0417": "营口", "0418": "阜新", "0419": "辽阳",
    "0421": "朝阳", "0427": "盘锦", "0429": "葫芦岛",
    # 吉林
    "0431": "长春", "0432": "吉林", "0433": "延边", "0434": "四平", "0435": "通化",
    "0436": "白城", "0437": "辽源", "0438": "松原", "0439": "白山",
    # 黑龙江
    "0451": "哈尔滨", "0452": "齐齐哈尔", "0453": "牡丹江", "0454": "佳木斯", "0455": "绥化",
    "0456": "黑河", "0457": "大兴安岭", "0458": "伊春", "0459": "大庆", "0464": "七台河",
    "0467": "鸡西", "0468": "鹤岗", "0469": "双鸭山",
    # 内蒙古
    "0470": "呼伦贝尔", "0471": "呼和浩特", "0472": "包头", "0473": "乌海", "0474": "乌兰察布",
    "0475": "通辽", "0476": "赤峰", "0477": "鄂尔多斯", "0478": "巴彦淖尔", "0479": "锡林郭勒",
    "0482": "兴安盟", "0483": "阿拉善盟",
    # 江苏
    "0510": "无锡", "0511": "镇江", "0512": "苏州", "0513": "南通", "0514": "扬州",
    "0515": "盐城", "0516": "徐州", "0517": "淮安", "0518": "连云港", "0519": "常州",
    "0523": "泰州", "0527": "宿迁",
    # 山东
    "0530": "菏泽", "0531": "济南", "0532": "青岛", "0533": "淄博", "0534": "德州",
    "0535": "烟台", "0536": "潍坊", "0537": "济宁", "0538": "泰安", "0539": "临沂",
    "0543": "滨州", "0546": "东营", "0631": "威海", "0632": "枣庄", "0633": "日照",
    "0635": "聊城",
    # 安徽
    "0550": "滁州", "0551": "合肥", "0552": "蚌埠", "0553": "芜湖", "0554": "淮南",
    "0555": "马鞍山", "0556": "安庆", "0557": "宿州", "0558": "阜阳", "0559": "黄山",
    "0561": "淮北", "0562": "铜陵", "0563": "宣城", "0564": "六安", "0566": "池州",
    # 浙江
    "0570": "衢州", "0571": "杭州", "0572": "湖州", "0573": "嘉兴", "0574": "宁波",
    "0575": "绍兴", "0576": "台州", "0577": "温州", "0578": "丽水", "0579": "金华",
    "0580": "舟山",
    # 福建
    "0591": "福州", "0592": "厦门", "0593": "宁德", "0594": "莆田", "0595": "泉州",
    "0596": "漳州", "0597": "龙岩", "0598": "三明", "0599": "南平",
    # 广东 (0660-0668, 0750-0769)
    "0660": "汕尾", "0662": "阳江", "0663": "揭阳", "0668": "茂名", "0750": "江门",
    "0751": "韶关", "0752": "惠州", "0753": "梅州", "0754": "汕头", "0755": "深圳",
    "0756": "珠海", "0757": "佛山", "0758": "肇庆", "0759": "湛江", "0760": "中山",
    "0762": "河源", "0763": "清远", "0766": "云浮", "0768": "潮州", "0769": "东莞",
    # 云南 (0691-0692, 0870-0888)
    "0691": "西双版纳", "0692": "德宏", "0870": "昭通", "0871": "昆明", "0872": "大理",
    "0873": "红河", "0874": "曲靖", "0875": "保山", "0876": "文山", "0877": "玉溪",
    "0878": "楚雄", "0879": "普洱", "0883": "临沧", "0886": "怒江", "0887": "迪庆",
    "0888": "丽江",
    # 江西
    "0701": "鹰潭", "0790": "新余", "0791": "南昌", "0792": "九江", "0793": "上饶",
    "0794": "抚州", "0795": "宜春", "0796": "吉安", "0797": "赣州", "0798": "景德镇",
    "0799": "萍乡",
    # 湖北
    "0710": "襄阳", "0711": "鄂州", "0712": "孝感", "0713": "黄冈", "0714": "黄石",
    "0715": "咸宁", "0716": "荆州", "0717": "宜昌", "0718": "恩施", "0719": "十堰",
    "0722": "随州", "0724": "荆门", "0728": "仙桃",
    # 湖南
    "0730": "岳阳", "0731": "长沙", "0734": "衡阳", "0735": "郴州", "0736": "常德",
    "0737": "益阳", "0738": "娄底", "0739": "邵阳", "0743": "湘西", "0744": "张家界",
    "0745": "怀化", "0746": "永州",
    # 广西
    "0770": "防城港", "0771": "南宁", "0772": "柳州", "0773": "桂林", "0774": "梧州",
    "0775": "玉林", "0776": "百色", "0777": "钦州", "0778": "河池", "0779": "北海",
    # 四川
    "0812": "攀枝花", "0813": "自贡", "0816": "绵阳", "0817": "南充", "0818": "达州",
    "0825": "遂宁", "0826": "广安", "0827": "巴中", "0830": "泸州", "0831": "宜宾",
    "0832": "内江", "0833": "乐山", "0834": "凉山", "0835": "雅安", "0836": "甘孜",
    "0837": "阿坝", "0838": "德阳", "0839": "广元",
    # 贵州
    "0851": "贵阳", "0852": "遵义", "0853": "安顺", "0854": "黔南", "0855": "黔东南",
    "0856": "铜仁", "0857": "毕节", "0858": "六盘水", "0859": "黔西南",
    # 西藏
    "0891": "拉萨", "0892": "日喀则", "0893": "山南", "0894": "林芝", "0895": "昌都",
    "0896": "那曲", "0897": "阿里",
    # 海南
    "0898": "海南",
    # 新疆 (0901-0909, 0990-0999)
    "0901": "塔城", "0902": "哈密", "0903": "和田", "0906": "阿勒泰", "0908": "克州",
    "0909": "博州", "0990": "克拉玛依", "0991": "乌鲁木齐", "0992": "奎屯", "0993": "石河子",
    "0994": "昌吉", "0995": "吐鲁番", "0996": "巴音郭楞", "0997": "阿克苏", "0998": "喀什",
    "0999": "伊犁",
    # 陕西
    "0911": "延安", "0912": "榆林", "0913": "渭南", "0914": "商洛", "0915": "安康",
    "0916": "汉中", "0917": "宝鸡", "0919": "铜川",
    # 甘肃
    "0930": "临夏", "0931": "兰州", "0932": "定西", "0933": "平凉", "0934": "庆阳",
    "0935": "武威", "0936": "张掖", "0937": "酒泉", "0938": "天水", "0939": "陇南",
    "0941": "甘南", "0943": "白银",
    # 宁夏
    "0951": "银川", "0952": "石嘴山", "0953": "吴忠", "0954": "固原", "0955": "中卫",
    # 青海
    "0970": "海北", "0971": "西宁", "0972": "海东", "0973": "黄南", "0974": "海南州",
    "0975": "果洛", "0976": "玉树", "0977": "海西", "0979": "格尔木",
}  # fmt: skip

# Field-driven PERSON and ADDRESS (pimask.shapes_person_address; docs/entities.md). Given-name
# characters that name things, not people: a value under a `name` key whose given part holds
# one is a product, shop or place (小米手环 has no surname; 华为 and 金龙鱼 start with one).
NON_NAME_CHARS: frozenset[str] = frozenset(
    "为老机器表环盒茶酒水油鱼丝洁奶粉糖饮堂店厂司院局所站馆社车包鞋帽裤屏板卡号版型款件套箱瓶袋罐"
    "膏霜液剂片药电网团城市省区县路街手"
)
# Capitalised words that make "Given Family" a product or an account, not a person.
NON_NAME_WORDS: frozenset[str] = frozenset(
    {"Apple", "Watch", "Pro", "Max", "Mini", "Air", "Phone", "Pad", "Book", "Band", "Buds",
     "Galaxy", "Pixel", "Surface", "Ultra", "Plus", "Lite", "Edition", "Series", "Studio",
     "Home", "Smart", "Cloud", "Server", "Office", "Power", "Kit", "Box", "Case", "Cable",
     "Charger", "Mouse", "Keyboard", "Monitor", "Speaker", "Headphones", "Camera", "Lens",
     "Drive", "Card", "Store", "Shop", "Service", "System", "Team", "Group", "Project",
     "Admin", "User", "Test", "Demo", "Default", "Guest", "Root", "Unknown", "None", "Null",
     "Account", "Bot", "Support", "Sales", "Manager", "Customer", "Anonymous", "Corp",
     "Inc", "Ltd", "Co", "Company", "Limited", "Bank", "University", "Hospital", "School",
     "Technology", "Technologies", "Holdings", "International", "Global"}
)  # fmt: skip
# Characters and words of a Chinese address (province … road, number, building, unit, room);
# a value under an address key needs two of them.
ADDRESS_MARKS: tuple[str, ...] = (
    "省", "市", "区", "县", "镇", "乡", "村", "路", "街", "道", "巷", "弄", "号", "栋", "幢",
    "单元", "室", "楼", "胡同", "层",
)  # fmt: skip
# Lower-cased street and unit words of a Latin address (with a digit in the value).
ADDRESS_WORDS: frozenset[str] = frozenset(
    {"street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "boulevard",
     "blvd", "way", "court", "ct", "place", "pl", "square", "sq", "highway", "hwy", "no",
     "room", "rm", "floor", "fl", "building", "bldg", "unit", "apt", "apartment", "suite",
     "flat", "district", "village", "town", "county", "province", "lu", "jie", "hao"}
)  # fmt: skip
# Common English given names: under the bare key `name` (which also names products, apps
# and hosts) a Latin "Given Family" must start with one (John Smith, not Google Maps).
GIVEN_NAMES: frozenset[str] = frozenset(
    {"James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
     "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven",
     "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald",
     "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan",
     "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory",
     "Alexander", "Frank", "Patrick", "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron",
     "Jose", "Adam", "Henry", "Nathan", "Douglas", "Zachary", "Peter", "Kyle", "Walter",
     "Ethan", "Jeremy", "Harold", "Keith", "Christian", "Roger", "Noah", "Gerald", "Carl",
     "Terry", "Sean", "Austin", "Arthur", "Lawrence", "Jesse", "Dylan", "Bryan", "Joe",
     "Jordan", "Billy", "Bruce", "Albert", "Willie", "Gabriel", "Logan", "Alan", "Juan",
     "Wayne", "Roy", "Ralph", "Randy", "Eugene", "Vincent", "Russell", "Elijah", "Louis",
     "Bobby", "Philip", "Johnny", "Tom", "Tony", "Jim", "Bob", "Mike", "Chris", "Alex",
     "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica",
     "Sarah", "Karen", "Lisa", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly",
     "Emily", "Donna", "Michelle", "Carol", "Amanda", "Dorothy", "Melissa", "Deborah",
     "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy", "Angela",
     "Shirley", "Anna", "Brenda", "Pamela", "Emma", "Nicole", "Helen", "Samantha",
     "Katherine", "Christine", "Debra", "Rachel", "Carolyn", "Janet", "Catherine", "Maria",
     "Heather", "Diane", "Ruth", "Julie", "Olivia", "Joyce", "Virginia", "Victoria", "Kelly",
     "Lauren", "Christina", "Joan", "Evelyn", "Judith", "Megan", "Andrea", "Cheryl", "Hannah",
     "Jacqueline", "Martha", "Gloria", "Teresa", "Ann", "Sara", "Madison", "Frances",
     "Kathryn", "Janice", "Jean", "Abigail", "Alice", "Judy", "Sophia", "Grace", "Denise",
     "Amber", "Doris", "Marilyn", "Danielle", "Beverly", "Isabella", "Theresa", "Diana",
     "Natalie", "Brittany", "Charlotte", "Marie", "Kayla", "Alexis", "Lori", "Lucy", "Kate",
     "Jane", "Ella", "Chloe", "Lily", "Zoe", "Mia", "Ava", "Amelia", "Harper", "Wei", "Lei",
     "Ming", "Jun", "Hui", "Jing", "Yan", "Li", "Hong", "Yun", "Xin", "Hao", "Yu", "Jie"}
)  # fmt: skip
