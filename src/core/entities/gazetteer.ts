/**
 * Small word lists behind entities, for the archive's domain (Kazakhstan, Central Asia, Russia):
 * names known to be a place, an organisation or a person, each with the other names it goes by
 * (spellings that transliteration folds need not be listed: Tokajev = Tokayev = Токаев), and the
 * words around a name that say what it is. English and Russian.
 */
import type { EntityType } from './types';

export interface KnownName {
  type: EntityType;
  /** The name shown (English); the Russian one when only Cyrillic spellings are seen. */
  name: string;
  ru?: string;
  /** Other names for the same thing (acronyms, translations, old names). */
  aliases: string[];
}

const place = (name: string, ru: string, ...aliases: string[]): KnownName => ({ type: 'place', name, ru, aliases: [ru, ...aliases] });
const organization = (name: string, ru: string, ...aliases: string[]): KnownName => ({ type: 'organization', name, ru, aliases: [ru, ...aliases] });
const person = (name: string, ru: string, ...aliases: string[]): KnownName => ({ type: 'person', name, ru, aliases: [ru, ...aliases] });

export const KNOWN_NAMES: KnownName[] = [
  // Kazakhstan: the country, its cities and regions.
  place('Kazakhstan', 'Казахстан', 'Qazaqstan', 'Republic of Kazakhstan', 'Республика Казахстан', 'РК'),
  place('Almaty', 'Алматы', 'Alma-Ata', 'Алма-Ата'),
  place('Nur-Sultan', 'Нур-Султан', 'Astana', 'Астана', 'Akmola', 'Акмола'),
  place('Shymkent', 'Шымкент', 'Chimkent', 'Чимкент'),
  place('Aktobe', 'Актобе', 'Aqtobe', 'Aktyubinsk', 'Актюбинск'),
  place('Aktau', 'Актау', 'Aqtau'),
  place('Zhanaozen', 'Жанаозен', 'Janaozen', 'Zhanaozhen', 'Новый Узень'),
  place('Atyrau', 'Атырау'),
  place('Taraz', 'Тараз'),
  place('Karaganda', 'Караганда', 'Qaraghandy', 'Karagandy'),
  place('Kyzylorda', 'Кызылорда', 'Qyzylorda'),
  place('Taldykorgan', 'Талдыкорган', 'Taldyqorgan'),
  place('Uralsk', 'Уральск'),
  place('Pavlodar', 'Павлодар'),
  place('Semey', 'Семей', 'Semipalatinsk', 'Семипалатинск'),
  place('Kostanay', 'Костанай', 'Qostanay', 'Kustanai'),
  place('Petropavl', 'Петропавловск', 'Petropavlovsk', 'Петропавл'),
  place('Turkestan', 'Туркестан'),
  place('Oskemen', 'Усть-Каменогорск', 'Ust-Kamenogorsk', 'Өскемен'),
  place('Zhezkazgan', 'Жезказган'),
  place('Ekibastuz', 'Экибастуз'),
  place('Kokshetau', 'Кокшетау'),
  place('Mangystau', 'Мангистау', 'Mangistau', 'Маңғыстау', 'Mangystau region', 'Мангистауская область'),
  place('Tengiz', 'Тенгиз'),
  place('Baikonur', 'Байконур'),
  // Neighbours and others the news names.
  place('Russia', 'Россия', 'Russian Federation', 'Российская Федерация', 'РФ'),
  place('Moscow', 'Москва'),
  place('Kyrgyzstan', 'Кыргызстан', 'Kyrgyz Republic', 'Киргизия', 'Kirghizia'),
  place('Bishkek', 'Бишкек'),
  place('Uzbekistan', 'Узбекистан'),
  place('Tashkent', 'Ташкент'),
  place('Tajikistan', 'Таджикистан'),
  place('Dushanbe', 'Душанбе'),
  place('Turkmenistan', 'Туркменистан'),
  place('Belarus', 'Беларусь', 'Белоруссия'),
  place('Minsk', 'Минск'),
  place('Armenia', 'Армения'),
  place('Yerevan', 'Ереван'),
  place('Azerbaijan', 'Азербайджан'),
  place('Georgia', 'Грузия'),
  place('Ukraine', 'Украина'),
  place('Kyiv', 'Киев', 'Kiev'),
  place('China', 'Китай', "People's Republic of China", 'КНР'),
  place('Beijing', 'Пекин'),
  place('United States', 'США', 'USA', 'U.S.', 'America', 'Америка', 'Соединённые Штаты'),
  place('Washington', 'Вашингтон'),
  place('Europe', 'Европа'),
  place('Central Asia', 'Центральная Азия', 'Средняя Азия'),
  place('Siberia', 'Сибирь'),
  place('Turkey', 'Турция'),
  place('Afghanistan', 'Афганистан'),
  place('United Kingdom', 'Великобритания', 'Britain', 'UK'),
  place('London', 'Лондон'),
  place('Brussels', 'Брюссель'),
  place('Geneva', 'Женева'),
  place('Vienna', 'Вена'),
  // Organisations of the state, parties, alliances, the press.
  organization('CSTO', 'ОДКБ', 'Collective Security Treaty Organisation', 'Collective Security Treaty Organization', 'Организация Договора о коллективной безопасности'),
  organization('Nur Otan', 'Нур Отан', 'Nur Otan party'),
  organization('Amanat', 'Аманат'),
  organization('National Security Committee', 'Комитет национальной безопасности', 'КНБ', 'KNB', 'NSC', 'National Security Committee of Kazakhstan', 'national security committee'),
  organization('Interior Ministry', 'МВД', 'Ministry of Internal Affairs', 'Ministry of Interior', 'Internal Affairs Ministry', 'Министерство внутренних дел', 'interior ministry'),
  organization('Prosecutor General’s Office', 'Генеральная прокуратура', 'General Prosecutor’s Office', 'Генпрокуратура', 'General Prosecutor’s office', 'Prosecutor General’s office'),
  organization('Ministry of Health', 'Министерство здравоохранения', 'Health Ministry', 'Минздрав'),
  organization('Ministry of Defence', 'Министерство обороны', 'Defence Ministry', 'Defense Ministry', 'Минобороны'),
  organization('Ministry of Foreign Affairs', 'Министерство иностранных дел', 'Foreign Ministry', 'МИД'),
  organization('National Guard', 'Национальная гвардия', 'Нацгвардия'),
  organization('Security Council', 'Совет безопасности', 'Совбез'),
  organization('Parliament', 'Парламент'),
  organization('Mazhilis', 'Мажилис', 'Majilis'),
  organization('Senate', 'Сенат'),
  organization('Supreme Court', 'Верховный суд'),
  organization('Democratic Choice of Kazakhstan', 'Демократический выбор Казахстана', 'ДВК', 'DCK'),
  organization('Ak Zhol', 'Ак жол', 'Ak Zhol party'),
  organization('Kremlin', 'Кремль'),
  organization('OSCE', 'ОБСЕ', 'Organization for Security and Co-operation in Europe'),
  organization('United Nations', 'ООН', 'UN', 'U.N.'),
  organization('European Union', 'Евросоюз', 'EU', 'ЕС', 'Европейский союз'),
  organization('NATO', 'НАТО'),
  organization('Eurasian Economic Union', 'ЕАЭС', 'EAEU'),
  organization('Human Rights Watch', 'Human Rights Watch', 'HRW'),
  organization('Amnesty International', 'Amnesty International'),
  organization('Reuters', 'Рейтер', 'Рейтерс'),
  organization('AFP', 'Франс Пресс', 'Agence France-Presse'),
  organization('Associated Press', 'Ассошиэйтед Пресс', 'AP'),
  organization('Radio Free Europe/Radio Liberty', 'Радио Свобода', 'RFE/RL', 'Radio Liberty', 'Radio Free Europe'),
  organization('Radio Azattyq', 'Радио Азаттык', 'Azattyq', 'Азаттык'),
  organization('Kazakhtelecom', 'Казахтелеком'),
  organization('KazMunayGas', 'КазМунайГаз'),
  organization('Tengizchevroil', 'Тенгизшевройл'),
  organization('Interfax', 'Интерфакс'),
  organization('Al Jazeera', 'Аль-Джазира'),
  organization('BBC', 'Би-би-си', 'Би-Би-Си'),
  organization('CNN', 'Си-эн-эн'),
  organization('Eurasianet', 'Евразианет'),
  organization('Kazinform', 'Казинформ'),
  organization('Khabar', 'Хабар'),
  organization('TASS', 'ТАСС'),
  organization('RIA Novosti', 'РИА Новости'),
  // People the news of January 2022 names most (others are found by their names' shape).
  person('Kassym-Jomart Tokayev', 'Касым-Жомарт Токаев'),
  person('Nursultan Nazarbayev', 'Нурсултан Назарбаев', 'Elbasy', 'Елбасы'),
  person('Karim Masimov', 'Карим Масимов'),
  person('Vladimir Putin', 'Владимир Путин'),
  person('Mukhtar Ablyazov', 'Мухтар Аблязов'),
  person('Askar Mamin', 'Аскар Мамин'),
  person('Alikhan Smailov', 'Алихан Смаилов'),
  person('Sergei Lavrov', 'Сергей Лавров'),
  person('Alexander Lukashenko', 'Александр Лукашенко'),
  person('Nikol Pashinyan', 'Никол Пашинян'),
  person('Sadyr Japarov', 'Садыр Жапаров'),
  person('Shavkat Mirziyoyev', 'Шавкат Мирзиёев'),
  person('Emomali Rahmon', 'Эмомали Рахмон'),
  person('Joe Biden', 'Джо Байден'),
  person('Antony Blinken', 'Энтони Блинкен'),
];

/** Words before a name (or at its head) that say it is a person's: titles, roles. Lower case. */
export const PERSON_TITLES = new Set([
  'president', 'ex-president', 'sir', 'dame', 'lord', 'lady', 'premier', 'minister', 'prime', 'deputy', 'mr', 'mrs', 'ms', 'dr', 'general', 'gen', 'colonel', 'senator',
  'chairman', 'chairwoman', 'chief', 'ex-chief', 'spokesman', 'spokeswoman', 'spokesperson', 'journalist', 'activist', 'lawyer', 'defender',
  'leader', 'banker', 'ex-banker', 'oligarch', 'businessman', 'blogger', 'poet', 'writer', 'politician', 'analyst', 'expert', 'economist',
  'ambassador', 'mayor', 'akim', 'governor', 'head', 'director', 'secretary', 'correspondent', 'editor', 'reporter', 'professor', 'judge', 'prosecutor',
  'президент', 'экс-президент', 'премьер', 'премьер-министр', 'министр', 'глава', 'экс-глава', 'генерал', 'полковник', 'депутат', 'председатель',
  'журналист', 'журналистка', 'активист', 'активистка', 'правозащитник', 'правозащитница', 'лидер', 'банкир', 'экс-банкир', 'олигарх', 'бизнесмен',
  'блогер', 'политик', 'аналитик', 'эксперт', 'политолог', 'экономист', 'посол', 'аким', 'мэр', 'губернатор', 'директор', 'секретарь', 'адвокат', 'судья',
  'господин', 'госпожа', 'г-н', 'г-жа', 'лидера', 'президента', 'президентом', 'президенту', 'главы', 'журналиста', 'правозащитника', 'министра',
]);

/** The last word of an organisation's name (English) or its first (Russian, "Министерство …"). Lower case. */
export const ORGANIZATION_HEADS = new Set([
  'ministry', 'committee', 'party', 'organisation', 'organization', 'council', 'agency', 'service', 'office', 'bank', 'guard', 'university',
  'court', 'assembly', 'parliament', 'union', 'movement', 'fund', 'foundation', 'company', 'corporation', 'group', 'forces', 'army', 'police',
  'administration', 'commission', 'institute', 'center', 'centre', 'department', 'bureau', 'network', 'news', 'watch', 'international',
  'radio', 'tv', 'times', 'post', 'channel', 'inc', 'ltd', 'llc', 'association', 'alliance', 'front', 'coalition', 'mission', 'embassy',
  'министерство', 'министерства', 'комитет', 'комитета', 'партия', 'партии', 'служба', 'службы', 'агентство', 'агентства', 'совет', 'совета',
  'суд', 'суда', 'прокуратура', 'прокуратуры', 'гвардия', 'гвардии', 'фонд', 'фонда', 'союз', 'союза', 'движение', 'движения', 'банк', 'банка',
  'университет', 'управление', 'управления', 'департамент', 'департамента', 'ассамблея', 'ассамблеи', 'компания', 'компании', 'посольство', 'миссия',
]);

/** English organisation words that lead their name ("Ministry of Energy", "University of …"). */
export const LEADING_ORGANIZATION_HEADS = new Set(['ministry', 'university', 'bank', 'office', 'council', 'committee', 'union', 'institute', 'embassy', 'agency']);

/** Words after which a quoted name is an organisation's: партия «Нур Отан», the "Ak Zhol" party. */
export const QUOTED_ORGANIZATION_CUES = /(?:^|[^\p{L}])(?:партия|партии|партию|движение|движения|компания|компании|агентство|агентства|издание|издания|газета|газеты|party|movement|company|agency|newspaper|outlet|channel|телеканал|телеканала)\s*$/iu;

/** Words right after a name that say it is a place ("Mangystau region"). Lower case. */
export const PLACE_FOLLOWERS = new Set(['region', 'oblast', 'province', 'district', 'city', 'village', 'town', 'область', 'области', 'район', 'района', 'село', 'села', 'город', 'города']);

/** Words right before a name that say it is a place ("in Zhanaozen", "в Жанаозене"). Lower case. */
export const PLACE_CUES = new Set(['in', 'near', 'outside', 'в', 'во', 'под', 'из']);

/** Words right after a name that say a person (or a body) said something. Lower case. */
export const SAYING = new Set(['said', 'says', 'told', 'stated', 'added', 'wrote', 'заявил', 'заявила', 'сказал', 'сказала', 'сообщил', 'сообщила', 'отметил', 'отметила', 'написал', 'написала']);

/** Given names common in the region's news: a capitalised pair that starts with one is a person (compared by folded key). */
export const GIVEN_NAMES = [
  'Kassym', 'Kasym', 'Nursultan', 'Karim', 'Mukhtar', 'Askar', 'Alikhan', 'Dariga', 'Sergei', 'Sergey', 'Vladimir', 'Alexander', 'Aleksandr', 'Dmitry',
  'Dmitri', 'Nikolai', 'Ivan', 'Yerlan', 'Erlan', 'Marat', 'Nurlan', 'Daniyar', 'Dinara', 'Aigerim', 'Aliya', 'Asel', 'Bolat', 'Galym', 'Kairat',
  'Samat', 'Timur', 'Zhanbolat', 'Zhasaral', 'Yevgeny', 'Evgeny', 'Andrei', 'Andrey', 'Maxim', 'Mikhail', 'Olga', 'Elena', 'Natalia', 'Anna',
  'Sayat', 'Daulet', 'Ghalim', 'Galym', 'Dimash', 'Saltanat', 'Saltynat', 'Aset', 'Kuanysh', 'Lukpan', 'Abzal', 'Vikram', 'Nazarali', 'Yevgeniy', 'Margaret',
  'Joe', 'Antony', 'John', 'Emmanuel', 'Josep', 'Ursula', 'Michelle', 'Ned', 'Jen', 'Charles', 'Sadyr', 'Shavkat', 'Emomali', 'Nikol',
  'Сергей', 'Владимир', 'Александр', 'Дмитрий', 'Николай', 'Иван', 'Ерлан', 'Марат', 'Нурлан', 'Даният', 'Динара', 'Айгерим', 'Алия', 'Асель',
  'Болат', 'Галым', 'Кайрат', 'Самат', 'Тимур', 'Жанболат', 'Евгений', 'Андрей', 'Максим', 'Михаил', 'Ольга', 'Елена', 'Наталья', 'Анна', 'Дарига',
];

/**
 * Capitalised words that are never a name or a part of one (function words at a sentence's start,
 * months, days, peoples and languages, words of the news). Lower case.
 */
export const NOT_NAMES = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'to', 'of', 'by', 'for', 'from', 'with', 'and', 'but', 'or', 'as', 'if', 'so', 'yet', 'no', 'not', 'all',
  'however', 'according', 'following', 'after', 'before', 'during', 'since', 'while', 'when', 'where', 'what', 'who', 'why', 'how', 'which',
  'this', 'that', 'these', 'those', 'there', 'here', 'then', 'now', 'today', 'yesterday', 'tomorrow', 'also', 'meanwhile', 'moreover',
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'one', 'two', 'three', 'some', 'many', 'most',
  'such', 'other', 'another', 'every', 'each', 'more', 'less', 'later', 'earlier', 'last', 'next', 'first', 'second', 'new', 'old', 'read',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'kazakh', 'kazakhs', 'kazakhstani', 'kazakhstanis', 'russian', 'russians', 'kyrgyz', 'uzbek', 'tajik', 'turkmen', 'chinese', 'american',
  'americans', 'european', 'europeans', 'western', 'eastern', 'soviet', 'ukrainian', 'belarusian', 'armenian', 'english', 'muslim', 'muslims',
  'constitution', 'internet', 'tv', 'f1', 'ceo', 'pm', 'am', 'ok', 'id', 'covid', 'covid-19', 'coronavirus', 'god', 'mr', 'mrs', 'ms', 'dr', 'ex', 'bloody', 'photo', 'video', 'source',
  'update', 'breaking', 'opinion', 'analysis', 'editor', 'share', 'tweet', 'email', 'twitter', 'facebook', 'telegram', 'instagram', 'youtube',
  'в', 'во', 'на', 'по', 'с', 'со', 'к', 'ко', 'о', 'об', 'у', 'из', 'за', 'до', 'от', 'для', 'при', 'про', 'и', 'а', 'но', 'или', 'же', 'ли',
  'как', 'так', 'что', 'чтобы', 'это', 'этот', 'эта', 'эти', 'тот', 'та', 'те', 'он', 'она', 'оно', 'они', 'мы', 'вы', 'я', 'его', 'её', 'их',
  'однако', 'также', 'кроме', 'после', 'перед', 'согласно', 'когда', 'где', 'кто', 'почему', 'сейчас', 'сегодня', 'вчера',
  'всего', 'всё', 'все', 'уже', 'ещё', 'еще', 'не', 'ни', 'да', 'нет', 'тогда', 'затем', 'потом', 'позже', 'ранее', 'около', 'более', 'менее',
  'казахстанский', 'казахстанские', 'российский', 'российские', 'казахский', 'русский', 'советский',
]);

/** The ending of a surname (in Latin letters, after transliteration): -ov, -ev, -enko, -uly, -sky, … */
export const SURNAME_ENDING = /(?:ov|ev|ova|eva|yov|yova|enko|uly|ulu|kyzy|qyzy|sky|ski|skiy|skaya|shvili|dze|yan|bek|bekov|baev|baeva)$/u;
/** Russian surnames in -ин (Путин) are common; in Latin letters -in would take Berlin, Lenin's city aside. */
export const CYRILLIC_SURNAME_ENDING = /(?:ин|ина|ын|ына)$/u;
