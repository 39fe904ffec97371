#!/usr/bin/env python3
"""Writes an order CSV like a Japanese mall's export: ROWS rows, two line items per order,
every third order shipped, Windows-31J (cp932) by default (CHARSET=utf-8 for UTF-8).

    python3 bench/import/generate.py 100000 /tmp/orders.csv
"""
import os
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
path = sys.argv[2] if len(sys.argv) > 2 else "/tmp/aftercare-import-bench.csv"
charset = os.environ.get("CHARSET", "cp932")  # Python names Windows-31J cp932
prefix = os.environ.get("PREFIX", "B")

with open(path, "w", encoding=charset, newline="") as out:
    out.write("受注番号,注文日時,メールアドレス,氏名,フリガナ,電話番号,郵便番号,都道府県,住所,商品番号,商品名,個数,単価,送料,支払方法,発送日,配送会社,伝票番号\r\n")
    for i in range(rows):
        order = i // 2
        shipped = order % 3 == 0
        out.write(
            f"{prefix}-{order:07d},2026/11/{1 + order % 28:02d} {order % 24:02d}:{order % 60:02d}:00,"
            f"customer{order % 40000}@example.jp,山田 花子{order % 1000},ヤマダ ハナコ,090-1234-{order % 10000:04d},"
            f"100-0001,東京都,千代田区千代田1-{order % 100},SKU-{i % 2}{order % 50},"
            f"\"高島屋の\"\"ふきん\"\" {i % 2}\",{1 + i % 3},\"1,980\",550,クレジットカード,"
            + (f"2026/11/{2 + order % 27:02d} 09:00,ヤマト運輸,{order:012d}" if shipped else ",,")
            + "\r\n")
print(path)
