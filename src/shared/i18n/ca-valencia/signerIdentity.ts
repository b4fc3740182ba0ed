import type { signerIdentity as es } from '../es/signerIdentity';

export const signerIdentity: Record<keyof typeof es, string> = {
  'errors.signature_not_verified':
    'No s’ha pogut verificar la signatura: el document signat o la seua signatura estan danyats. No s’ha guardat res i la petició continua pendent; torneu a signar i, si es repetix, aviseu el servei d’informàtica.',
  'errors.signature_certificate_untrusted':
    'El certificat amb què heu signat no prové d’una autoritat de certificació que esta oficina accepte. No s’ha guardat res i la petició continua pendent; signeu amb el vostre certificat d’empleat públic.',
  'errors.signature_wrong_certificate':
    'El certificat amb què heu signat no és vostre: el seu NIF no coincidix amb el de la persona que signa esta petició. No s’ha guardat res i la petició continua pendent; signeu amb la vostra pròpia targeta.',
  'errors.signature_signer_without_nif':
    'El vostre usuari no té un NIF registrat, així que no es pot comprovar que el certificat és vostre. No s’ha guardat res i la petició continua pendent; demaneu a l’administració del sistema que registre el vostre NIF.',
  'book.csv.numberedBy': 'Numerada en signar-la: {name} · NIF {nif}',
};
