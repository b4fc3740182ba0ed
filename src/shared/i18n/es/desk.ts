/** The desk's own frame: a case link that leads nowhere, a screen that failed, the lost host. */
export const desk = {
  'caseLink.notFound':
    'No hay ningún expediente «{id}» en su servicio. Compruebe el enlace o busque el expediente en la bandeja.',
  'caseLink.invalidId': '«{id}» no es un identificador de expediente. Compruebe el enlace.',
  'screenError.title': 'No se ha podido mostrar esta pantalla',
  'screenError.message': 'Algo ha fallado al mostrarla; no se ha perdido nada de lo guardado.',
  'screenError.back': 'Volver a la bandeja',
  'connection.unreachable':
    'Sin conexión con el servidor local: Despacho ha dejado de intentarlo. Compruebe que «despacho serve» sigue en marcha y vuelva a intentarlo.',
  'connection.retry': 'Volver a intentarlo',
  'connection.refused':
    'El servidor local se ha reiniciado y esta pestaña ya no tiene acceso. Abra Despacho con el enlace nuevo que muestra «despacho serve» (puede pegarlo en esta pestaña) y vuelva a identificarse; no se ha perdido nada de lo guardado.',
  'connection.reload': 'Recargar la página',
} as const;
