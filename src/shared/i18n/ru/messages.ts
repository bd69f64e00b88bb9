import type { messages as english } from '../en/messages';
import { counted } from '../language';

const characters = (n: number) => counted('ru', n, { one: 'символ', few: 'символа', many: 'символов', other: 'символа' });
const terms = (n: number) => counted('ru', n, { one: 'слово', few: 'слова', many: 'слов', other: 'слова' });
const fuzzyTerms = (n: number) => counted('ru', n, { one: 'нечёткое слово', few: 'нечётких слова', many: 'нечётких слов', other: 'нечёткого слова' });
const levels = (n: number) => counted('ru', n, { one: 'уровень', few: 'уровня', many: 'уровней', other: 'уровня' });
const letters = (n: number) => counted('ru', n, { one: 'буквы', few: 'букв', many: 'букв', other: 'буквы' });

/** Русские фразы ядра (ошибки запроса, причины пропуска файлов, проверка досье); ключи те же, что в английской таблице. */
export const messages: typeof english = {
  'query.tooLong': ({ length, limit }) => `в запросе ${characters(length)}, а можно не больше ${limit}`,
  'query.needsTermAfter': ({ operator }) => `после «${operator}» нужно слово`,
  'query.needsTermEachSide': ({ keyword }) => `у «${keyword}» нужно слово с каждой стороны`,
  'query.tooManyFuzzy': ({ count, limit }) => `в запросе ${fuzzyTerms(count)} (~), а можно не больше ${limit}`,
  'query.tooManyTerms': ({ count, limit }) => `в запросе ${terms(count)}, а можно не больше ${limit}`,
  'query.unclosedGroup': () => `скобка не закрыта: добавьте закрывающую )`,
  'query.unopenedGroup': () => `эта «)» ничего не закрывает: уберите её или добавьте открывающую (`,
  'query.emptyGroup': ({ group }) => `в скобках ${group} нет ни одного слова`,
  'query.groupsTooDeep': ({ limit }) => `скобки вложены глубже чем на ${levels(limit)}`,
  'query.groupTilde': () => `«~» не ставится после скобок; чтобы слова стояли рядом, пишите "security forces"~5`,
  'query.operatorNeedsTerm': ({ operator }) => `сразу после «${operator}» должно идти слово, например ${operator}tokayev`,
  'query.operatorAfterOperator': ({ operator }) => `«${operator}» не может идти после другого оператора`,
  'query.unknownField': ({ name, fields }) => `нет поля «${name}»; поля: ${fields}`,
  'query.nothingAfterField': ({ name }) => `после «${name}:» ничего нет; пишите ${name}:слово или ${name}:"фраза"`,
  'query.colonWithoutField': ({ fields }) => `перед «:» должно стоять имя поля (${fields})`,
  'query.operatorBeforeField': ({ operator, field }) => `ставьте «${operator}» перед полем, например ${operator}${field}:слово`,
  'query.unclosedQuote': () => `кавычка не закрыта: добавьте закрывающую "`,
  'query.emptyPhrase': ({ phrase }) => `во фразе ${phrase} нет ни одного слова`,
  'query.tildeWithoutWord': () => `«~» ставится после слова, например liquefied~1`,
  'query.modifierWithoutWord': ({ modifier }) => `«${modifier}» ставится после слова, например title:kazakhstan^2`,
  'query.wildcardAndFuzzy': () => `слово не может быть одновременно шаблоном (*) и нечётким (~)`,
  'query.wildcardNeedsLetter': () => `рядом с «*» нужна хотя бы одна буква, например protest*`,
  'query.fuzzyWordTooLong': ({ letters: n }) => `«~» работает на словах не длиннее ${letters(n)}`,
  'query.fuzzyOneWord': ({ words }) => `«~» относится к одному слову, а ${words} — это несколько`,
  'query.boostNeedsNumber': () => `после «^» нужно положительное число, например title:kazakhstan^2`,
  'query.proximityNeedsNumber': () => `после «~» у фразы нужно число слов, например "security forces"~5`,
  'query.proximityTooFar': ({ distance, limit }) =>
    `«~${distance}» — слишком далеко; слова могут отстоять не больше чем на ~${limit} (чтобы искать в любом месте статьи, пишите +слово +слово)`,
  'query.proximityOneWord': ({ word }) => `«~» после кавычек требует двух слов или больше; для близких написаний одного слова пишите ${word}~1`,
  'query.tooManyEdits': ({ edits }) => `«~${edits}» допускает слишком много правок; используйте ~1 или ~2`,
  'query.unexpected': ({ character }) => `неожиданный символ «${character}»: разделяйте слова пробелом`,

  'ingest.hiddenFolder': () => 'скрытая папка',
  'ingest.hiddenFile': () => 'скрытый файл',
  'ingest.symbolicLink': () => 'символическая ссылка (не открывается)',
  'ingest.tooDeep': ({ levels: n }) => `папка вложена глубже чем на ${levels(n)}`,
  'ingest.notRegularFile': () => 'не обычный файл',
  'ingest.temporaryFile': () => 'временный файл редактора или файл блокировки',
  'ingest.sidecar': () => 'файл метаданных (читается вместе со своим документом)',
  'ingest.unsupportedFormat': ({ extension }) => `формат не поддерживается (${extension})`,
  'ingest.noExtension': () => 'формат не поддерживается (нет расширения)',
  'ingest.empty': () => 'пустой (нет текста)',
  'ingest.binaryNul': () => 'двоичное содержимое (нулевые байты), а не текст',
  'read.disappeared': () => 'файл исчез во время чтения',
  'read.outsideLink': () => 'папка на его пути — ссылка, ведущая за пределы папки архива',
  'read.folderLink': () => 'папка на его пути — символическая ссылка (не открывается)',
  'read.folder': () => 'это папка, а не файл',
  'read.notRegular': () => 'не обычный файл (канал, сокет или устройство)',
  'ingest.binaryControl': () => 'двоичное содержимое (управляющие символы), а не текст',

  'source.outside': () => 'идентификатор документа указывает за пределы архива',
  'source.notArchiveFile': () => 'идентификатор документа не называет файла, который читает архив (скрытый или неподдерживаемого формата)',
  'source.gone': () => 'исходного файла нет в архиве',
  'source.notRead': ({ reason }) => `исходный файл не читается из архива: ${reason}`,
  'source.noPlace': () => 'место цитаты не указано (при экспорте цитата не нашлась), поэтому проверить её нельзя',
  'source.changedSameWords': ({ sha256, was, place }) =>
    `исходный файл изменился (SHA-256 ${sha256}…, был ${was}…); в символах ${place} цитируемые слова всё ещё на месте`,
  'source.changedOtherWords': ({ sha256, was, place, text }) =>
    `исходный файл изменился (SHA-256 ${sha256}…, был ${was}…); в символах ${place} теперь написано «${text}»`,
  'source.otherWords': ({ place, text }) => `в символах ${place} написано «${text}», а не цитата`,
  'source.holds': ({ sha256, place }) => `SHA-256 ${sha256}…, символы ${place} содержат цитату`,
  'source.holdsOnPage': ({ sha256, place, page }) => `SHA-256 ${sha256}…, символы ${place} (с. ${page}) содержат цитату`,
  'source.holdsOnPages': ({ sha256, place, first, last }) => `SHA-256 ${sha256}…, символы ${place} (с. ${first}–${last}) содержат цитату`,

  'print.notPrinted': ({ number }) => `на страницах нет блока цитаты [${number}] с этими словами`,
  'print.ok': ({ number, page }) => `напечатана как [${number}] на с. ${page}, слово в слово, со ссылкой на источник`,
  'print.otherNumber': ({ number, page, printedAs }) => `напечатана на с. ${page} как [${printedAs}], а не [${number}]`,
  'print.altered': ({ number, page, problem }) => `[${number}] на с. ${page}: ${problem}`,
  'print.goesOn': ({ beyond }) => `напечатанная цитата продолжается дальше слов источника: «${beyond}»`,
  'print.otherWord': ({ printed, source }) => `напечатано «${printed}», а в источнике «${source}»`,
  'print.noWords': () => 'ни одно её слово не напечатано',
  'print.onlyStart': ({ rest }) => `напечатано только начало; не напечатано: «${rest}»`,

  'custody.noLedger': () => 'журнала хранения под рукой нет',
  'custody.notInLedger': () => 'файла нет в журнале хранения',
  'custody.versionNeverSeen': ({ firstSeen }) => `впервые замечен ${firstSeen}; эту версию Casefile не видел никогда`,
  'custody.changedAt': ({ firstSeen, changed }) => `впервые замечен ${firstSeen}; изменён ${changed}`,
  'custody.unchangedSinceFirstSeen': ({ firstSeen }) => `не менялся с тех пор, как впервые замечен ${firstSeen}`,
  'custody.unchangedSince': ({ firstSeen, since }) => `впервые замечен ${firstSeen}; не менялся с ${since}`,

  'batch.noHeader': () => 'в CSV-файле нет строки заголовков, по которой найти столбец',
  'batch.noColumn': ({ column, columns }) => `в CSV-файле нет столбца ${column}; его столбцы: ${columns}`,
  'batch.unclosedQuote': () => 'кавычка поля в этой строке не закрыта',
  'batch.textAfterQuote': () => 'текст после закрывающей кавычки: кавычка внутри поля в кавычках пишется дважды ("")',
  'batch.tooMany': ({ count, limit }) => `запросов в списке: ${count}; предел — ${limit}`,
  'entity.notFound': ({ id }) => `сущности ${id} нет; список выводит команда entities`,
  'entity.mergeNeedsTwo': () => 'для объединения нужны хотя бы две разные сущности',
  'entity.splitNoVariant': ({ id, variants }) => `у ${id} нет написания ${variants}; написания указаны в её описании`,
  'entity.splitAll': () => 'после разделения у сущности должно остаться хотя бы одно написание',
  'entity.noEdit': ({ index, count }) => `правки ${index} нет; всего правок: ${count}`,
};
