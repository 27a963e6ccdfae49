"use client";
// Region → municipality → organisation, as on the АСУ РСО sign-in page (AUTH-1). Region and
// municipality narrow the organisation list (a level with a single option is preselected);
// choosing an organisation directly fills in its region and municipality. The organisation
// chosen last time on this device is restored.
// REG-1: the same select lists, in its own group «Органы управления образованием», the region and
// the municipalities — an education-authority account signs in choosing its territory (the value
// is then `region:<id>` / `municipality:<id>`, lib/auth/schema.ts territoryRefSchema).
import { useEffect, useMemo, useState } from "react";
import type { SignInDirectory } from "@/lib/auth/data";
import { Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";

const LAST_ORG_KEY = "ejournal.lastOrganisationId";

const KIND_GROUPS = [
  { kind: "SCHOOL", label: "Общеобразовательные организации" },
  { kind: "COLLEGE", label: "Профессиональные образовательные организации" },
] as const;

function only<T extends { id: number }>(list: T[]): string {
  return list.length === 1 ? String(list[0].id) : "";
}

/** Preselects every level that has a single option (and all three when there is one organisation). */
function initialChoice({ regions, municipalities, organisations }: SignInDirectory) {
  if (organisations.length === 1) {
    const municipality = municipalities.find((m) => m.id === organisations[0].municipalityId);
    return {
      regionId: municipality ? String(municipality.regionId) : "",
      municipalityId: municipality ? String(municipality.id) : "",
      organisationId: String(organisations[0].id),
    };
  }
  const regionId = only(regions);
  const municipalityId = regionId ? only(municipalities.filter((m) => String(m.regionId) === regionId)) : "";
  const organisationId = municipalityId
    ? only(organisations.filter((o) => String(o.municipalityId) === municipalityId))
    : "";
  return { regionId, municipalityId, organisationId };
}

export function rememberOrganisation(organisationId: string): void {
  try {
    window.localStorage.setItem(LAST_ORG_KEY, organisationId);
  } catch {
    // Private mode or storage disabled: nothing to remember.
  }
}

/** The chosen organisation is submitted as the form field `organisationId`. */
export function OrganisationPicker({ directory, error }: { directory: SignInDirectory; error?: string }) {
  const { regions, municipalities, organisations } = directory;
  const [initial] = useState(() => initialChoice(directory));
  const [regionId, setRegionId] = useState(initial.regionId);
  const [municipalityId, setMunicipalityId] = useState(initial.municipalityId);
  const [organisationId, setOrganisationId] = useState(initial.organisationId);

  const municipalityOptions = useMemo(
    () => municipalities.filter((m) => String(m.regionId) === regionId),
    [municipalities, regionId],
  );
  const organisationOptions = useMemo(() => {
    if (municipalityId) return organisations.filter((o) => String(o.municipalityId) === municipalityId);
    if (!regionId) return organisations;
    const inRegion = new Set(municipalityOptions.map((m) => m.id));
    return organisations.filter((o) => inRegion.has(o.municipalityId));
  }, [organisations, municipalityOptions, municipalityId, regionId]);

  const authorityOptions = useMemo(() => {
    const inRegion = regionId ? regions.filter((r) => String(r.id) === regionId) : regions;
    const places = municipalityId
      ? municipalities.filter((m) => String(m.id) === municipalityId)
      : municipalities.filter((m) => !regionId || String(m.regionId) === regionId);
    return [
      ...inRegion.map((r) => ({ value: `region:${r.id}`, label: `${r.name} — региональный орган` })),
      ...places.map((m) => ({ value: `municipality:${m.id}`, label: `${m.name} — муниципальный орган` })),
    ];
  }, [regions, municipalities, regionId, municipalityId]);

  function chooseOrganisation(value: string) {
    const [kind, rawId] = value.split(":");
    if (rawId !== undefined) {
      // An education authority: its region (and municipality) fill in the levels above.
      const municipality = kind === "municipality" ? municipalities.find((m) => String(m.id) === rawId) : undefined;
      const region = regions.find((r) => String(r.id) === (municipality ? String(municipality.regionId) : rawId));
      if (!region) return setOrganisationId("");
      setRegionId(String(region.id));
      setMunicipalityId(municipality ? String(municipality.id) : "");
      setOrganisationId(value);
      return;
    }
    const org = organisations.find((o) => String(o.id) === value);
    const municipality = org && municipalities.find((m) => m.id === org.municipalityId);
    setOrganisationId(org ? value : "");
    if (!municipality) return;
    setRegionId(String(municipality.regionId));
    setMunicipalityId(String(municipality.id));
  }

  // Restore the last organisation (client only, after hydration).
  useEffect(() => {
    let saved: string | null;
    try {
      saved = window.localStorage.getItem(LAST_ORG_KEY);
    } catch {
      return;
    }
    if (saved) chooseOrganisation(saved);
    // Once after mount: chooseOrganisation only reads props that do not change.
  }, []);

  function chooseRegion(value: string) {
    setRegionId(value);
    const nextMunicipality = only(municipalities.filter((m) => String(m.regionId) === value));
    setMunicipalityId(nextMunicipality);
    setOrganisationId(
      nextMunicipality ? only(organisations.filter((o) => String(o.municipalityId) === nextMunicipality)) : "",
    );
  }

  function chooseMunicipality(value: string) {
    setMunicipalityId(value);
    setOrganisationId(only(organisations.filter((o) => String(o.municipalityId) === value)));
  }

  const groups = KIND_GROUPS.map((g) => ({ ...g, items: organisationOptions.filter((o) => o.kind === g.kind) })).filter(
    (g) => g.items.length > 0,
  );

  return (
    <fieldset className="space-y-4">
      <legend className="sr-only">Образовательная организация</legend>
      <div>
        <label htmlFor="signin-region" className="block text-sm font-medium text-slate-700">
          Регион
        </label>
        <Select
          id="signin-region"
          value={regionId}
          onChange={(e) => chooseRegion(e.target.value)}
          placeholder="Выберите регион"
          options={optionsOf(regions)}
        />
      </div>
      <div>
        <label htmlFor="signin-municipality" className="block text-sm font-medium text-slate-700">
          Городской округ / муниципальный район
        </label>
        <Select
          id="signin-municipality"
          value={municipalityId}
          onChange={(e) => chooseMunicipality(e.target.value)}
          disabled={!regionId}
          placeholder="Выберите округ или район"
          options={optionsOf(municipalityOptions)}
        />
      </div>
      <div>
        <label htmlFor="signin-organisation" className="block text-sm font-medium text-slate-700">
          Организация
        </label>
        <Select
          id="signin-organisation"
          name="organisationId"
          className="w-full"
          value={organisationId}
          onChange={(e) => chooseOrganisation(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "signin-organisation-error" : undefined}
        >
          <option value="">Выберите организацию</option>
          {groups.length > 1 || authorityOptions.length > 0
            ? groups.map((g) => (
                <optgroup key={g.kind} label={g.label}>
                  {g.items.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </optgroup>
              ))
            : organisationOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
          {authorityOptions.length > 0 && (
            <optgroup label="Органы управления образованием">
              {authorityOptions.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </optgroup>
          )}
        </Select>
        {error && (
          <p id="signin-organisation-error" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    </fieldset>
  );
}
