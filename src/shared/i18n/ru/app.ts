import type { app as english } from '../en/app';
import { counted } from '../language';

const documents = (n: number) => counted('ru', n, { one: 'документ', few: 'документа', many: 'документов', other: 'документа' });
/** "из 5 файлов": the count after «из», in the genitive. */
const ofFiles = (n: number) => counted('ru', n, { one: 'файла', few: 'файлов', many: 'файлов', other: 'файла' });

type Theme = 'system' | 'light' | 'dark';
/** «Тема: тёмная»: the theme's name inside a sentence. */
const themeInSentence = { system: 'авто', light: 'светлая', dark: 'тёмная' } satisfies Record<Theme, string>;

/** Русские строки (app); ключи и формы те же, что в английском каталоге. */
export const app: typeof english = {
  cannotOpen: 'Casefile не может открыть архив',
  restored: 'Аннотации восстановлены из резервной копии; повреждённый файл сохранён.',
  dismiss: 'Скрыть',
  resize: { results: 'Изменить ширину результатов', dossier: 'Изменить ширину досье', annotations: 'Изменить ширину аннотаций' },
  themes: { system: 'Авто', light: 'Светлая', dark: 'Тёмная' },
  topBar: {
    ingestTitle: 'Отчёт о загрузке: каждый файл папки архива и что Casefile с ним сделал',
    archiveCount: (count: number, notIndexed: number) =>
      `${documents(count)}${notIndexed > 0 ? ` (не проиндексировано: ${counted('ru', notIndexed, { one: 'файл', few: 'файла', many: 'файлов', other: 'файла' })})` : ''}`,
    ingestReport: 'Отчёт о загрузке',
    opening: 'Архив открывается…',
    openArchive: 'Открыть архив…',
    addFiles: 'Добавить файлы…',
    addFilesInput: 'Добавить файлы в архив',
    preferences: 'Настройки…',
    annotationFiles: 'Файлы аннотаций…',
    exportDossier: 'Экспорт досье…',
    theme: (theme: Theme) => `Тема: ${themeInSentence[theme]}`,
    themeTitle: (theme: Theme, key: string) => `Тема: ${themeInSentence[theme]} — сменить (${key})`,
    commandsTitle: (key: string) => `Все команды и их клавиши (${key})`,
    commands: 'Команды',
  },
  emptyReader: {
    noArticles: 'В этом архиве пока нет статей',
    noArticleOpen: 'Статья не открыта',
    openStep: 'Откройте архив',
    archiveOpening: 'Архив открывается…',
    archiveSummary: (root: string, count: number) => `${root} — ${documents(count)}.`,
    anyFolder: 'Архивом может быть любая папка с файлами .txt, .md, .html, .pdf и .docx, а также веб-архивами (.warc, .warc.gz, .wacz).',
    openArchive: 'Открыть архив…',
    addFiles: 'Добавить файлы…',
    queryStep: 'Попробуйте запрос',
    pressSlash: 'Нажмите {/} и введите запрос или попробуйте',
    orSeparator: ', ',
    afterExamples: '. ↓ и ↑ переходят по результатам, Enter открывает.',
    querySyntax: 'Синтаксис запросов',
    highlightStep: 'Выделите текст',
    howToHighlight:
      'Проведите мышью по фрагменту или нажмите {J}, чтобы выделить следующее совпадение, и {Shift}+стрелки, чтобы расширить выделение. Затем {H} выделяет, {N} добавляет заметку, {T} — метки, {D} кладёт в досье.',
    allShortcuts: 'Все клавиши',
    commands: 'Команды',
  },
  preferences: {
    title: 'Настройки',
    save: 'Сохранить',
    saved: 'Настройки сохранены.',
    author: 'Имя автора',
    authorPlaceholder: 'Ваше имя',
    authorNote: 'Записывается в каждую новую аннотацию (её «creator» по W3C) и показывается на её карточке. У существующих аннотаций остаётся прежнее.',
    language: 'Язык',
    systemLanguage: 'Как в системе',
    languageNote: 'Язык меню, кнопок и сообщений; тексты архива и цитаты досье остаются как написаны.',
  },
  metadataSaved: 'Метаданные сохранены в папке данных Casefile; исходный файл не изменён.',
  sidePane: { annotations: 'Аннотации', dossier: 'Досье', tabs: 'Аннотации или досье' },
  toast: { dismiss: 'Закрыть сообщение' },
  storeProblem: {
    readOnly: (problem: string) => `${problem} Аннотации доступны только для чтения, пока файл не исправлен или не заменён резервной копией.`,
    restore: 'Восстановить из копии',
    restoreNote: (backupFile: string) => `Возвращает последнюю исправную версию (${backupFile}). Повреждённый файл остаётся рядом, он не удаляется.`,
    couldNotRestore: (failure: string) => `Не удалось восстановить: ${failure}`,
  },
  dropZone: {
    title: 'Перетащите файлы сюда, чтобы добавить их в архив',
    copied: 'Они копируются (оригиналы остаются на месте) и индексируются; существующий файл никогда не перезаписывается.',
    formats: 'Читаются .txt, .md, .html, .pdf, .docx и веб-архивы (.warc, .warc.gz, .wacz); остальные файлы отмечаются как пропущенные.',
  },
  indexing: {
    stopped: (done: number, total: number) => `Индексация остановлена: проиндексировано ${done.toLocaleString('ru')} из ${ofFiles(total)}; поиск идёт только по ним.`,
    resume: 'Продолжить индексацию',
    checking: 'Проверяем, изменились ли файлы архива с последнего открытия; результаты обновятся, когда проверка закончится.',
    progress: (done: number, total: number) => `Индексация: ${done.toLocaleString('ru')} из ${ofFiles(total)}`,
    incomplete: 'Пока индексация не закончена, результаты могут быть неполными; потом они обновятся.',
    stop: 'Остановить индексацию',
  },
  openArchive: {
    title: 'Открыть архив',
    needFolder: 'Укажите папку, например /home/me/archives/kazakhstan',
    opening: 'Открывается…',
    open: 'Открыть',
    folder: 'Папка',
    folderPlaceholder: '/путь/к/папке со статьями',
    choose: 'Выбрать папку…',
    browse: 'Обзор папок…',
    readsOnly: 'Casefile только читает папку. Индекс, аннотации и досье хранятся отдельно, в папке данных Casefile.',
    recent: 'Недавние архивы',
    gone: ' — больше не существует',
  },
  folderBrowser: {
    label: 'Обзор папок',
    up: '↑ Вверх',
    listing: 'Читаем папку…',
    hidden: 'Скрытые папки',
    empty: 'Вложенных папок нет.',
    folders: (path: string) => `Папки в ${path}`,
  },
  access: {
    heading: 'Откройте адрес, который вывел Casefile',
    needsToken:
      'Этой странице нужен ключ доступа, который веб-оболочка вывела при запуске, в адресе вида {address}. Откройте этот адрес в этой вкладке; вкладка хранит ключ, пока её не закроют.',
  },
  cancel: 'Отмена',
  shell: {
    chooseFolder: 'Открыть папку как архив',
    cancel: 'Отмена',
    open: 'Открыть',
    openWebOriginal: (file: string) => `Открыть ${file} в веб-браузере?`,
    webOriginalDetail: 'Сохранённая веб-страница может загружать картинки и скрипты из интернета: их сайты увидят посещение с этого компьютера.',
    openInBrowser: 'Открыть в браузере',
    openAddress: 'Открыть этот адрес в веб-браузере?',
    addressDetail: (url: string) => `${url}\n\nСайт увидит посещение с этого компьютера.`,
  },
};
