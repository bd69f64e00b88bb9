import { visibleName } from '../../../shared/visible-name';

/**
 * A file name or document id as text: isolated from the text around it (a right-to-left name does
 * not reorder its neighbours), with bidirectional overrides and control characters written out.
 */
export function FileName({ name }: { name: string }) {
  return <bdi className="file-name">{visibleName(name)}</bdi>;
}
