import type { Selectable } from 'kysely';
import type { ApplicantsTable } from '../store/schema';
import { cifFor, nieFor, nifFor } from './ids';
import type { Prng } from './prng';

export type DemoApplicant = Omit<Selectable<ApplicantsTable>, 'id'>;

const givenNames = [
  'Antonio',
  'María',
  'José',
  'Carmen',
  'Francisco',
  'Josefa',
  'Vicent',
  'Pilar',
  'Juan',
  'Isabel',
  'Manuel',
  'Dolores',
  'David',
  'Lucía',
  'Javier',
  'Marta',
  'Joan',
  'Empar',
  'Pedro',
  'Ángela',
  'Miguel',
  'Cristina',
  'Rafael',
  'Núria',
  'Alejandro',
  'Raquel',
  'Pascual',
  'Remedios',
  'Iván',
  'Sofía',
];
const surnames = [
  'García',
  'Martínez',
  'López',
  'Sánchez',
  'Pérez',
  'Gómez',
  'Ruiz',
  'Hernández',
  'Díaz',
  'Moreno',
  'Mas',
  'Boix',
  'Candela',
  'Quiles',
  'Maciá',
  'Sempere',
  'Pastor',
  'Antón',
  'Gil',
  'Ibáñez',
  'Ferrández',
  'Serrano',
  'Galiana',
  'Rocamora',
  'Vicente',
  'Esclapez',
  'Agulló',
  'Marco',
  'Valero',
  'Brotons',
];
const companyWords = [
  'Palmeral',
  'Levante',
  'Mediterrània',
  'Vinalopó',
  'Calzados',
  'Reformas',
  'Servicios',
  'Talleres',
  'Jardines',
  'Distribuciones',
  'Alimentación',
  'Ingeniería',
  'Transportes',
  'Comercial',
  'Estudio',
];
const companyForms: readonly (readonly [string, string])[] = [
  ['B', 'S.L.'],
  ['A', 'S.A.'],
  ['F', 'S. Coop. V.'],
  ['G', 'Asociación'],
];
const streets = [
  'Calle Mayor',
  'Avenida de la Libertad',
  'Calle del Palmeral',
  'Plaza de Baix',
  'Calle Reina Victoria',
  'Avenida de Alicante',
  'Calle Corredora',
  'Paseo de la Estación',
  'Calle Hospital',
  'Avenida de Novelda',
];

/**
 * Synthetic applicants whose identity numbers have valid check characters but belong to no one:
 * DNI numbers of the 99 million block (never issued; the tax agency's test NIF 99999999R lives
 * there), NIEs of the Z9 block (not reached), and CIFs with province code 00 (no province has it).
 */
export class ApplicantFactory {
  readonly #used = new Set<string>();

  constructor(private readonly random: Prng) {}

  #unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.#used.has(id)) {
        this.#used.add(id);
        return id;
      }
    }
  }

  #address(): string {
    return `${this.random.pick(streets)}, ${this.random.int(1, 140)}`;
  }

  #municipality(): string {
    return this.random.next() < 0.8 ? 'Elche' : 'Alicante';
  }

  person(): DemoApplicant {
    const foreign = this.random.next() < 0.15;
    const nif = this.#unique(() =>
      foreign
        ? nieFor('Z', 9_000_000 + this.random.int(0, 999_999))
        : nifFor(99_000_000 + this.random.int(0, 999_999)),
    );
    const first = this.random.pick(surnames);
    let second = this.random.pick(surnames);
    if (second === first) second = this.random.pick(surnames);
    return {
      nif,
      name: `${this.random.pick(givenNames)} ${first} ${second}`,
      kind: 'natural',
      municipality: this.#municipality(),
      address: this.#address(),
      // Natural persons choose (art. 14.1 Ley 39/2015).
      channel: this.random.next() < 0.6 ? 'electronic' : 'paper',
    };
  }

  entity(): DemoApplicant {
    const [type, form] = this.random.pick(companyForms);
    const nif = this.#unique(() => cifFor(type, `00${String(this.random.int(0, 99_999)).padStart(5, '0')}`));
    const words = `${this.random.pick(companyWords)} ${this.random.pick(companyWords)}`;
    return {
      nif,
      name: form === 'Asociación' ? `Asociación ${words}` : `${words} ${form}`,
      kind: 'legal',
      municipality: this.#municipality(),
      address: this.#address(),
      // Legal persons must be notified electronically (art. 14.2 Ley 39/2015).
      channel: 'electronic',
    };
  }

  next(): DemoApplicant {
    return this.random.next() < 0.75 ? this.person() : this.entity();
  }
}
