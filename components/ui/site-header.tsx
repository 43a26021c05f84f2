import { AccountMenu } from "@/components/auth/account";
import { BrandLink } from "./brand-link";

/** The header of the pages outside a project (Projects, Account, API reference): the brand, then the Account menu. */
export function SiteHeader() {
  return (
    <header className="flex h-14 items-center gap-4 border-b border-slate-200 bg-white px-4">
      <BrandLink separator={false} />
      <div className="ml-auto">
        <AccountMenu />
      </div>
    </header>
  );
}
