import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { issueCertificate, nif, oids, type NameAttribute } from '../../../support/pki/certificates';

/** A small chain for the token service: root → intermediate → one public employee with an EC P-256 key. */
export interface TokenPki {
  root: Uint8Array;
  intermediate: Uint8Array;
  leaf: Uint8Array;
  leafKey: KeyObject;
  leafPublicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  /** Another certificate from the intermediate, for whatever key the test needs. */
  issue: (publicKey: KeyObject, commonName: string) => Uint8Array;
}

const caName = (cn: string): NameAttribute[] => [
  [oids.country, 'ES'],
  [oids.organization, 'DESPACHO PRUEBAS'],
  [oids.commonName, cn],
];

const day = 24 * 60 * 60 * 1000;

export function createTokenPki(): TokenPki {
  const now = Date.now();
  const notBefore = new Date(Math.floor((now - day) / 1000) * 1000);
  const notAfter = new Date(Math.floor((now + 730 * day) / 1000) * 1000);
  const rootKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rootName = caName('AC RAIZ PRUEBAS DESPACHO');
  const root = issueCertificate(
    {
      subject: rootName,
      publicKey: rootKeys.publicKey,
      issuer: 'self',
      serial: 1,
      notBefore,
      notAfter,
      ca: true,
      keyUsage: ['keyCertSign', 'cRLSign'],
    },
    { privateKey: rootKeys.privateKey },
  );
  const intermediateKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const intermediateName = caName('AC SECTOR PUBLICO PRUEBAS');
  const intermediate = issueCertificate(
    {
      subject: intermediateName,
      publicKey: intermediateKeys.publicKey,
      issuer: { name: rootName, ...rootKeys },
      serial: 2,
      notBefore,
      notAfter,
      ca: true,
      keyUsage: ['keyCertSign', 'cRLSign'],
    },
    { privateKey: rootKeys.privateKey },
  );
  const leafKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const holderNif = nif(34567890);
  const employee = {
    givenName: 'LUCIA',
    firstSurname: 'NAVARRO',
    secondSurname: 'BOIX',
    nif: holderNif,
    email: 'lucia.navarro@pruebas.elche.invalid',
    organization: 'AYUNTAMIENTO DE ELCHE (pruebas)',
    entityNif: 'P0399999J',
    organizationalUnit: 'Contratación',
    position: 'Técnica de Administración General',
  };
  const leaf = issueCertificate(
    {
      subject: [
        [oids.country, 'ES'],
        [oids.organization, employee.organization],
        [oids.organizationalUnit, employee.organizationalUnit],
        [oids.title, employee.position],
        [oids.serialNumber, `IDCES-${holderNif}`],
        [oids.surname, 'NAVARRO BOIX'],
        [oids.givenName, 'LUCIA'],
        [oids.commonName, `LUCIA NAVARRO BOIX - ${holderNif}`],
      ],
      publicKey: leafKeys.publicKey,
      issuer: { name: intermediateName, ...intermediateKeys },
      serial: 1000,
      notBefore,
      notAfter,
      ca: false,
      keyUsage: ['digitalSignature', 'nonRepudiation'],
      employee,
    },
    { privateKey: intermediateKeys.privateKey },
  );
  let serial = 2000;
  const issue = (publicKey: KeyObject, commonName: string) =>
    issueCertificate(
      {
        subject: [
          [oids.country, 'ES'],
          [oids.commonName, commonName],
        ],
        publicKey,
        issuer: { name: intermediateName, ...intermediateKeys },
        serial: serial++,
        notBefore,
        notAfter,
        ca: false,
        keyUsage: ['digitalSignature', 'nonRepudiation'],
      },
      { privateKey: intermediateKeys.privateKey },
    );
  return {
    issue,
    root,
    intermediate,
    leaf,
    leafKey: leafKeys.privateKey,
    leafPublicKey: leafKeys.publicKey,
    notBefore,
    notAfter,
  };
}
