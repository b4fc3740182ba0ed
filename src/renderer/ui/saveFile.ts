/** Hands a file the desk sent as base64 to the browser's own download (the desk's save dialog in Electron). */
export function saveBase64File(base64: string, fileName: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own copy once started; the page keeps no file in memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
