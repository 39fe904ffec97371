// The return slip PDF: how long one takes and how big it is (docs/benchmarks.md). Run with bench/returns-slip/run.sh.
import com.aftercare.returns.logistics.*;
import com.aftercare.domain.storefront.StorefrontId;
import java.util.List;
public class SlipBench {
    public static void main(String[] a) {
        ReturnAddress to = new ReturnAddress(1L, new StorefrontId(1), "東京倉庫", "こもれび 返品係", "135-0061", "東京都江東区豊洲3-2-20 倉庫棟2F", "03-1234-5678", null, null, null);
        ReturnSlip.Content c = new ReturnSlip.Content("RMA-2026-000123", "R-1001", "こもれび", to, List.of("〒150-0001", "東京都渋谷区神宮前1-2-3", "山田 花子"), ReturnMethod.PICKUP, Carrier.YAMATO, "2026/12/08 14〜16時", List.of("有田焼マグカップ × 1"));
        long t0 = System.nanoTime();
        byte[] first = ReturnSlip.render(c, k -> "返送票");
        long t1 = System.nanoTime();
        int n = 200; long size = 0;
        for (int i = 0; i < n; i++) size += ReturnSlip.render(c, k -> "返送票").length;
        long t2 = System.nanoTime();
        System.out.printf("first slip (font load + class init): %d ms, %d bytes%n", (t1 - t0) / 1_000_000, first.length);
        System.out.printf("then %d slips: %.1f ms each, %d bytes each%n", n, (t2 - t1) / 1e6 / n, size / n);
    }
}
