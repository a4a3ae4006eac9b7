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
