import { useEffect } from 'react';
import { productName } from './product-name.ts';

/** Names the browser tab after the page, so that several open tabs can be told apart. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${productName}` : productName;
  }, [title]);
}
