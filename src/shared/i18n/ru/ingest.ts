import type { ingest as english } from '../en/ingest';
import { counted } from '../language';

const files = (n: number) => counted('ru', n, { one: 'файл', few: 'файла', many: 'файлов', other: 'файла' });
const ofFiles = (n: number) => counted('ru', n, { one: 'файла', few: 'файлов', many: 'файлов', other: 'файла' });

/** Русские строки (ingest); ключи и формы те же, что в английском каталоге. */
export const ingest: typeof english = {
  statuses: { indexed: 'Проиндексирован', skipped: 'Пропущен', failed: 'Ошибка' },
  meanings: {
    indexed: 'Прочитан, по нему идёт поиск.',
    skipped:
      'Пропущен намеренно: Casefile не читает такие источники (скрытые и временные файлы, ссылки, другие форматы, пустые, двоичные и слишком большие файлы). Файл не тронут.',
    failed: 'Casefile попытался прочитать файл и не смог (он не читается, исчез или менялся во время чтения). Файл будет прочитан снова, когда изменится.',
  },
  outcome: (status: string, reason: string) => `${status}: ${reason}`,
  report: {
    title: 'Отчёт о загрузке',
    summary: (count: number, indexed: number, skipped: number, failed: number) =>
      `В папке архива ${files(count)}: проиндексировано — ${indexed}, пропущено — ${skipped}, с ошибкой — ${failed}.`,
    reading: 'Читаем отчёт…',
    show: 'Показать',
    all: 'Все',
    nameContains: 'Имя файла содержит',
    columns: { file: 'Файл', status: 'Результат', format: 'Формат', encoding: 'Кодировка' },
    filesOf: { all: 'Все файлы', indexed: 'Проиндексированные файлы', skipped: 'Пропущенные файлы', failed: 'Файлы с ошибкой' },
    caption: (which: string, text: string | null, count: number, column: string) =>
      `${which}${text ? `, имя которых содержит «${text}»` : ''}: ${count}, по столбцу «${column}»`,
    noMatch: {
      all: 'Подходящих файлов нет.',
      indexed: 'Подходящих проиндексированных файлов нет.',
      skipped: 'Подходящих пропущенных файлов нет.',
      failed: 'Подходящих файлов с ошибкой нет.',
    },
    showAll: (rows: number, more: number) => `Показать все строки: ${rows} (ещё ${more})`,
    close: 'Закрыть',
    captures: (n: number) => counted('ru', n, { one: 'сохранённая запись', few: 'сохранённые записи', many: 'сохранённых записей', other: 'сохранённой записи' }),
    captureIndexed: 'проиндексирована',
    captureNotIndexed: 'не проиндексирована',
  },
  adding: {
    added: 'Файлы добавлены',
    adding: 'Добавление файлов',
    addedToast: (summary: string) => `Файлы добавлены — ${summary}`,
    done: (summary: string) => `${summary}. Копии лежат в папке архива; выбранные вами файлы не тронуты.`,
    stopping: (done: number, total: number) => `Остановка после файлов в пути (готово ${done} из ${ofFiles(total)})…`,
    copying: (done: number, total: number) => `Копирование в архив: ${done} из ${ofFiles(total)}…`,
    caption: 'Что стало с каждым файлом',
    file: 'Файл',
    outcome: 'Результат',
    storedAs: 'В архиве как',
    searchableSoon: 'Проиндексированные файлы станут доступны для поиска, как только закончится индексация (она видна под строкой поиска).',
    cancelRest: 'Отменить остальные',
    close: 'Закрыть',
    hide: 'Скрыть (файлы всё равно добавятся)',
    notAdded: 'Не добавлен',
    renamed: (why: string) => ` (переименован: ${why})`,
    nameTaken: 'файл с таким именем уже есть в архиве',
    plainName: 'имя приведено к простому виду',
    summary: (count: number, outcomes: { indexed: number; skipped: number; failed: number; notAdded: number }) =>
      `${files(count)}: ${[
        [outcomes.indexed, 'проиндексировано'],
        [outcomes.skipped, 'пропущено'],
        [outcomes.failed, 'с ошибкой'],
        [outcomes.notAdded, 'не добавлено'],
      ]
        .flatMap(([n, outcome]) => (Number(n) > 0 ? [`${outcome} — ${n}`] : []))
        .join(', ')}`,
    cannotRead: (file: string, why: string | null) => `Не удалось прочитать ${file} (${why ?? 'причина не указана'})`,
    tooLarge: (mebibytes: number) => `больше ${mebibytes} МиБ: это не статья, файл не скопирован`,
    cancelled: 'отменено: не скопирован',
    noAnswer: 'архив не сообщил, что с ним стало',
  },
};
