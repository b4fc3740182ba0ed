import type { training as es } from '../es/training';

export const training: Record<keyof typeof es, string> = {
  'signFlow.diagnostics.source.practice': 'targeta de pràctiques (mode formació)',
  'errors.pkcs11_module_invalid.training':
    'En el mode formació només se signa amb la targeta de pràctiques: este lloc no carrega cap mòdul PKCS#11 ni cap targeta real. Per a signar de veritat, eixiu del mode formació.',
  'errors.storage_not_a_training_sandbox':
    'La carpeta {path} no és un entorn de formació (té altres dades, potser les reals): el mode formació no l’obri ni la toca. Indiqueu amb --data una carpeta nova o buida.',
  'host.serve.training':
    'MODE FORMACIÓ: dades inventades en {path}, signatures amb la targeta de pràctiques (PIN {pin}), sense validesa.',
  'training.banner.mode': 'MODE FORMACIÓ',
  'training.banner.explanation':
    'Casos inventats i targeta de pràctiques: res del que feu ací té validesa ni toca les dades reals.',
  'training.watermark': 'FORMACIÓ — SENSE VALIDESA',
  'training.menu.start': 'Mode formació',
  'training.menu.leave': 'Eixir del mode formació',
  'training.window.title': 'Despacho — MODE FORMACIÓ',
  'training.card.out': 'La targeta de pràctiques està fora del lector.',
  'training.card.insert': 'Tornar a inserir la targeta de pràctiques',
  'training.card.inserted': 'La targeta de pràctiques torna a estar en el lector.',
  'training.time': 'Temps: {time}.',
} as const;
