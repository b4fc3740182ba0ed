import type { signing as es } from '../es/signing';

export const signing: Record<keyof typeof es, string> = {
  'signing.input.notPdf': '{file}: no és un PDF. No s’ha signat res.',
  'signing.input.truncated': '{file}: el PDF està truncat (falta el final de l’arxiu). No s’ha signat res.',
  'signing.input.damaged': '{file}: el PDF està danyat ({detail}). No s’ha signat res.',
  'signing.input.unreadable': '{file}: no es pot llegir l’arxiu. No s’ha signat res.',
  'signing.input.encrypted':
    '{file}: el PDF està xifrat; lleveu-li la contrasenya abans de signar-lo. No s’ha signat res.',
  'signing.input.certified':
    '{file}: el PDF està certificat sense permetre canvis (DocMDP); no admet més signatures. No s’ha signat res.',
  'signing.input.noSuchPage': '{file}: no té pàgina {page} (en té {pages}). No s’ha signat res.',
  'signing.input.outputExists':
    '{file}: ja existix en la carpeta d’eixida; no se sobreescriu. No s’ha signat res.',
  'signing.input.sameAsOutput':
    '{file}: la carpeta d’eixida és la de l’original; trieu-ne una altra. No s’ha signat res.',
  'signing.input.tooLarge': '{file}: ocupa {size} MB i el màxim és {max} MB. No s’ha signat res.',
  'signing.input.changed': '{file}: l’arxiu ha canviat mentres se signava. No s’ha guardat.',
  'signing.input.signaturesUnchecked':
    '{file}: ja porta signatures i no s’han pogut comprovar; no se signa damunt de signatures sense comprovar. No s’ha signat res.',
  'signing.input.signatureChanged':
    '{file}: la signatura «{field}» de {signer} ja no és vàlida: el que va signar ha canviat. Signar ara segellaria un document alterat: demaneu al remitent l’arxiu original. No s’ha signat res.',
  'signing.input.signatureDamaged':
    '{file}: la signatura «{field}» de {signer} està danyada i no es pot comprovar. Signar ara segellaria un document sense garanties: demaneu al remitent l’arxiu original. No s’ha signat res.',
  'signing.input.signatureUnreadable':
    '{file}: la signatura «{field}» està danyada; ni tan sols es pot llegir qui la va fer. Demaneu al remitent l’arxiu original. No s’ha signat res.',
  'signing.input.modifiedAfterSignature':
    '{file}: el document es va modificar després de la signatura «{field}» de {signer}. Signar ara segellaria un document alterat: demaneu al remitent l’arxiu original. No s’ha signat res.',
  'signing.field.notFound': '{file}: no té cap camp anomenat «{field}». No s’ha signat res.',
  'signing.field.notSignature': '{file}: el camp «{field}» no és un camp de signatura. No s’ha signat res.',
  'signing.field.alreadySigned': '{file}: el camp de signatura «{field}» ja està signat. No s’ha signat res.',
  'signing.field.several':
    '{file}: té diversos camps de signatura buits ({fields}); indiqueu quin se signa (--field NOM). No s’ha signat res.',
  'signing.field.unusable':
    '{file}: el camp de signatura «{field}» està mal format i no es pot omplir. No s’ha signat res.',
  'signing.field.locked':
    '{file}: el camp «{field}» va quedar bloquejat per la signatura «{by}» i ja no admet canvis. No s’ha signat res.',
  'signing.field.locksDocument':
    '{file}: el camp «{field}» demana bloquejar tot el document en signar-lo, i Despacho no fa signatures que bloquegen el document. No s’ha signat res.',
  'signing.seed.filter':
    '{file}: el camp «{field}» només admet el gestor de signatura {accepted}; Despacho signa amb Adobe.PPKLite. No s’ha signat res.',
  'signing.seed.subFilter':
    '{file}: el camp «{field}» només admet signatures {accepted}; Despacho signa en PAdES (ETSI.CAdES.detached). No s’ha signat res.',
  'signing.seed.digest':
    '{file}: el camp «{field}» exigix el resum {accepted}; trieu-ne un (--hash). No s’ha signat res.',
  'signing.seed.reason':
    '{file}: el camp «{field}» exigix un d’estos motius: {accepted} (--reason). No s’ha signat res.',
  'signing.seed.noReason':
    '{file}: el camp «{field}» exigix signar sense motiu; lleveu --reason. No s’ha signat res.',
  'signing.seed.timestamp':
    '{file}: el camp «{field}» exigix un segell de temps; indiqueu el servei de segellat (--tsa). No s’ha signat res.',
  'signing.seed.certification':
    '{file}: el camp «{field}» exigix una signatura de certificació (DocMDP) i Despacho fa signatures d’aprovació. No s’ha signat res.',
  'signing.seed.unsupported':
    '{file}: el camp «{field}» exigix {entry}, que Despacho no pot complir. No s’ha signat res.',
  'signing.seed.certificate.subject':
    '{file}: el camp «{field}» només admet uns certificats concrets i este no n’és un. No s’ha signat res.',
  'signing.seed.certificate.issuer':
    '{file}: el camp «{field}» només admet certificats d’altres autoritats de certificació. No s’ha signat res.',
  'signing.seed.certificate.subjectDn':
    '{file}: el camp «{field}» exigix un certificat d’un altre titular. No s’ha signat res.',
  'signing.seed.certificate.keyUsage':
    '{file}: el camp «{field}» exigix un certificat amb altres usos de clau. No s’ha signat res.',
  'signing.seed.certificate.oid':
    '{file}: el camp «{field}» exigix un certificat d’una altra política de certificació. No s’ha signat res.',
  'signing.certificate.noNonRepudiation':
    'El certificat no servix per a signar (no té l’ús «no repudi»). No s’ha signat res.',
  'signing.certificate.expired': 'El certificat va caducar el {date}. No s’ha signat res.',
  'signing.certificate.notYetValid': 'El certificat no és vàlid fins al {date}. No s’ha signat res.',
  'signing.tsa.unreachable':
    'No es pot contactar amb el servei de segellat de temps ({url}). El document no s’ha guardat.',
  'signing.tsa.http':
    'El servei de segellat de temps ({url}) ha tornat un error. El document no s’ha guardat.',
  'signing.tsa.rejected':
    'El servei de segellat de temps ({url}) ha rebutjat la petició. El document no s’ha guardat.',
  'signing.tsa.mismatch':
    'El segell de temps rebut de {url} no correspon a esta signatura. El document no s’ha guardat.',
  'signing.output.contentsTooSmall':
    'La signatura ocupa {needed} bytes i l’espai reservat és de {reserved}: no es retalla. El document no s’ha guardat.',
  'signing.stamp.signedBy': 'Signat per {name}',
  'signing.stamp.nif': 'NIF: {nif}',
  'signing.stamp.date': 'Data: {date}',
  'signing.stamp.resolution': 'Resolució núm. {number}',
  'signing.stamp.csv': 'CSV: {csv}',
  'signing.stamp.verify': 'Verificació: {url}',
  'signing.cli.signUsage':
    'Ús: despacho sign --module RUTA --token ETIQUETA (--key ETIQUETA | --cert-id HEX) --pin-stdin [--confirm-final-try] [--hash SHA-256|SHA-384|SHA-512] [--rsa-pss] [--tsa URL] [--visible PÀGINA,X,Y,AMPLE,ALT] [--reason TEXT] [--resolution NÚMERO] [--csv CODI] [--verify-url URL] [--field NOM] ARXIU... --out CARPETA',
  'signing.cli.verifyUsage': 'Ús: despacho verify ARXIU... [--json]',
  'signing.cli.badOption': 'Opció no vàlida: {option}.',
  'signing.cli.pinRequired':
    'Falta --pin-stdin: el PIN es llig de l’entrada estàndard i mai de la línia d’ordes.',
  'signing.cli.pinEmpty': 'No s’ha rebut cap PIN per l’entrada estàndard.',
  'signing.cli.outDirMissing': 'La carpeta d’eixida {dir} no existix.',
  'signing.cli.badVisible':
    '--visible espera PÀGINA,X,Y,AMPLE,ALT en punts PDF (per exemple 1,350,40,220,80).',
  'signing.cli.signed': '{file} → {output} ({field})',
  'signing.cli.done': 'Documents signats: {count}.',
  'signing.cli.partial': 'Lot interromput: {done} signats i complets, {pending} sense tocar.',
  'signing.cli.untouched': 'Sense signar, intacte: {file}',
  'signing.verify.noSignatures': '{file}: no té signatures.',
  'signing.verify.unreadable': '{file}: no es pot llegir com a PDF ({detail}).',
  'signing.verify.header': '{file}: {count} signatures',
  'signing.verify.header.one': '{file}: 1 signatura',
  'signing.verify.signature': 'Signatura {index} ({field}): {verdict}',
  'signing.verify.verdict.valid': 'VÀLIDA',
  'signing.verify.verdict.invalid': 'NO VÀLIDA',
  'signing.verify.verdict.indeterminate': 'INDETERMINADA (emissor desconegut)',
  'signing.verify.verdict.training': 'SIGNATURA DE FORMACIÓ (sense validesa)',
  'signing.verify.signer': '  Signant: {name}, NIF {nif}',
  'signing.verify.organization': '  Organització: {organization}; càrrec: {position}',
  'signing.verify.issuer': '  Emissor: {issuer}',
  'signing.verify.integrity.ok': '  Integritat: el contingut signat no ha canviat',
  'signing.verify.integrity.broken': '  Integritat: el contingut signat HA CANVIAT',
  'signing.verify.cms.ok': '  Signatura criptogràfica: correcta',
  'signing.verify.cms.broken': '  Signatura criptogràfica: INCORRECTA ({detail})',
  'signing.verify.chain.valid': '  Cadena de confiança: vàlida fins a {anchor}',
  'signing.verify.chain.unknown': '  Cadena de confiança: emissor desconegut',
  'signing.verify.chain.invalid': '  Cadena de confiança: NO VÀLIDA ({detail})',
  'signing.verify.chain.training': '  Cadena de confiança: AC de formació (signatura de pràctiques)',
  'signing.verify.time.timestamp': '  Moment de la signatura: {date} (segell de temps)',
  'signing.verify.time.claimed':
    '  Moment de la signatura: {date} (declarat pel signant en /M, sense segell de temps)',
  'signing.verify.time.certValid': '  El certificat era vàlid en eixe moment',
  'signing.verify.time.certInvalid': '  El certificat NO era vàlid en eixe moment',
  'signing.verify.timestamp.ok': '  Segell de temps: correcte ({tsa})',
  'signing.verify.timestamp.broken': '  Segell de temps: INCORRECTE ({detail})',
  'signing.verify.revision': '  Cobrix la revisió {revision} de {total}',
  'signing.verify.changes.none': '  Canvis posteriors: cap',
  'signing.verify.changes.signatures': '  Canvis posteriors: només signatures i anotacions',
  'signing.verify.changes.content': '  Canvis posteriors: EL CONTINGUT HA CANVIAT ({objects})',
  'signing.verify.format': '  Format: {format}',
  'signing.verify.format.pades-b-b': 'PAdES B-B',
  'signing.verify.format.pades-b-t': 'PAdES B-T (amb segell de temps)',
  'signing.verify.format.cades-not-baseline':
    'CAdES que no complix PAdES bàsic (porta signing-time o li falta signing-certificate-v2)',
  'signing.verify.format.not-pades': 'no és PAdES',
};
