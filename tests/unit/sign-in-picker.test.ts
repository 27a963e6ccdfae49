// AUTH-1: the sign-in screen's region → district → organisation picker renders its region and district
// choices through the kit's Select (`options` + `placeholder`, issue 19): the prompt first, then the
// directory's items by id; with one region and one district both are chosen already.
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OrganisationPicker } from "@/components/auth/organisation-picker";

const directory = {
  regions: [
    { id: 1, name: "Самарская область" },
    { id: 2, name: "Ульяновская область" },
  ],
  municipalities: [
    { id: 10, regionId: 1, name: "городской округ Самара" },
    { id: 20, regionId: 2, name: "городской округ Ульяновск" },
  ],
  organisations: [
    { id: 100, municipalityId: 10, kind: "SCHOOL" as const, name: "МБОУ «Школа № 17»" },
    { id: 200, municipalityId: 20, kind: "SCHOOL" as const, name: "МБОУ «Школа № 3»" },
  ],
};

describe("sign-in organisation picker (AUTH-1)", () => {
  it("offers the prompt and every region, the district select empty until a region is chosen", () => {
    const html = renderToStaticMarkup(h(OrganisationPicker, { directory }));
    const region = /<select[^>]*id="signin-region"[^>]*>(.*?)<\/select>/.exec(html)![1];
    expect(region).toBe(
      '<option value="" selected="">Выберите регион</option><option value="1">Самарская область</option><option value="2">Ульяновская область</option>',
    );
    const district = /<select[^>]*id="signin-municipality"[^>]*>(.*?)<\/select>/.exec(html)![1];
    expect(district).toBe('<option value="" selected="">Выберите округ или район</option>');
  });

  it("lists the chosen region's districts, the only organisation chosen already", () => {
    const one = {
      regions: directory.regions.slice(0, 1),
      municipalities: directory.municipalities.slice(0, 1),
      organisations: directory.organisations.slice(0, 1),
    };
    const html = renderToStaticMarkup(h(OrganisationPicker, { directory: one }));
    expect(html).toMatch(/<option value="10" selected="">городской округ Самара<\/option>/);
  });
});
